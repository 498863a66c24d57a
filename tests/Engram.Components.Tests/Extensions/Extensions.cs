using Engram.Components.Blocks.Adc;
using Engram.Components.Scheduling;

namespace Engram.Components.Tests.Extensions;

/// <summary>The one registration each extension needs (idempotent: every test that uses them calls it).</summary>
internal static class Extensions
{
    public static void Register()
    {
        AdcTypes.Register(new RampAdcType());
        RecallSchedulers.Register("checkerboard", () => new CheckerboardScheduler());
    }
}
