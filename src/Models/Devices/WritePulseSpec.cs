namespace Engram.Models.Devices;

/// <summary>One programming pulse: amplitude and width. Pulse counts times these drive write energy.</summary>
public sealed record WritePulseSpec(double VoltageV, long WidthPs)
{
    public void Validate()
    {
        DeviceCardChecks.Positive(VoltageV, nameof(VoltageV));
        if (WidthPs <= 0)
        {
            throw new ArgumentException($"{nameof(WidthPs)} must be positive, got {WidthPs}");
        }
    }
}
