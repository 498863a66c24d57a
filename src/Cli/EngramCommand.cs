using System.CommandLine;
using Engram.Cli.Commands;

namespace Engram.Cli;

/// <summary>The root command and its subcommands; tests invoke it in-process with captured writers.</summary>
public static class EngramCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Engram: a cycle-level simulator of memristor compute-in-memory chips.");
        root.Subcommands.Add(KernelDemoCommand.Build());
        root.Subcommands.Add(CostCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(CompareCommand.Build());
        root.Subcommands.Add(AreaCommand.Build());
        root.Subcommands.Add(CapacityCommand.Build());
        root.Subcommands.Add(ScalingCommand.Build());
        root.Subcommands.Add(SweepCommand.Build());
        root.Subcommands.Add(MergeCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(TrainCommand.Build());
        return root;
    }

    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var config = new InvocationConfiguration { Output = output, Error = error };
        return Build().Parse(args).Invoke(config);
    }
}
