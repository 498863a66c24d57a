namespace Engram.Cli;

/// <summary>Entry point of the <c>engram</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) => EngramCommand.Invoke(args, Console.Out, Console.Error);
}
