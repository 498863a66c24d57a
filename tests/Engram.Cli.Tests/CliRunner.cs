namespace Engram.Cli.Tests;

/// <summary>Runs the real <c>engram</c> entry point in-process with captured output and error.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EngramCommand.Invoke(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
