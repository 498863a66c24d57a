using Engram.Components.Blocks.Adc;
using Engram.Components.Scheduling;

namespace Engram.Components.Tests.Extensions;

/// <summary>The one registration each extension needs, done once for the test assembly (a second, different registration would fail).</summary>
internal static class Extensions
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        AdcTypes.Register(new RampAdcType());
        RecallSchedulers.Register("checkerboard", () => new CheckerboardScheduler());
        return true;
    });

    public static void Register() => _ = Registered.Value;
}
