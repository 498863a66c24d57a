namespace Engram.Models.Costs;

public enum AdcKind
{
    Sar,
    Flash,
}
