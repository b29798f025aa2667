// The signed-in person and what their roles let the workbench show. The APIs decide every request on their own;
// this only keeps people from being offered what they may not do.

export const Roles = Object.freeze({
  Secretary: 'secretary',
  Staff: 'staff',
  GridWorker: 'grid_worker',
  Inspector: 'inspector',
  VolunteerLeader: 'volunteer_leader',
  Member: 'member',
  Resident: 'resident',
});

/** True when the person holds any of the roles (or when no role is asked for). */
export function hasRole(session, roles) {
  return !roles || roles.length === 0 || roles.some((role) => session.roles.includes(role));
}

/** Community-wide roles see every grid; the others only theirs. */
export function seesWholeCommunity(session) {
  return hasRole(session, [Roles.Secretary, Roles.Staff, Roles.Inspector, Roles.VolunteerLeader]);
}
