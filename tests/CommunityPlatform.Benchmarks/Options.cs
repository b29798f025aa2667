namespace CommunityPlatform.Benchmarks;

/// <summary>The command line: <c>--runs N</c>, <c>--only B1,B5</c>, <c>--quick</c>, <c>--write path</c>.</summary>
public sealed record Options(int Runs, IReadOnlySet<string> Only, bool Quick, string? Write, string CommandLine)
{
    public static Options Parse(string[] args)
    {
        var runs = 3;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var quick = false;
        string? write = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[++i]);
                    break;
                case "--only":
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--quick":
                    quick = true;
                    runs = 1;
                    break;
                case "--write":
                    write = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --runs N, --only B1,B5, --quick, --write path.", nameof(args));
            }
        }

        return new Options(runs, only, quick, write, string.Join(' ', args));
    }
}
