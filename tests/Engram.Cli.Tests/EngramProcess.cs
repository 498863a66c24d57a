using System.Diagnostics;

namespace Engram.Cli.Tests;

/// <summary>
/// Runs the built <c>engram.dll</c> (copied beside the tests) as a child process with <c>dotnet exec</c>: for what
/// an in-process run cannot show — being killed, environment variables, a terminal, a scheduler running it.
/// </summary>
internal static class EngramProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "engram.dll");

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else dotnet on PATH.</summary>
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>"host exec dll", for scripts that take the engram command as one string.</summary>
    public static string CommandLine => $"{Host} exec {Dll}";

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(Host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A child must not pick up a scheduler's shard from the environment the tests run in.
        foreach (string name in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "JOB_COMPLETION_INDEX" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static (int Code, string Out, string Err) Run(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a program (not engram) to completion, with its output.</summary>
    public static (int Code, string Out, string Err) Tool(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
