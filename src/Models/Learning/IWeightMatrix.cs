namespace Engram.Models.Learning;

/// <summary>
/// A layer's weights read entry by entry (W[output, input]), for a memory too large to hold as a dense matrix next
/// to the devices it is programmed into; programming asks for one array block's entries at a time.
/// </summary>
public interface IWeightMatrix
{
    int Outputs { get; }

    int Inputs { get; }

    /// <summary>max |W| over all entries (the programmer's weight scale).</summary>
    double MaxMagnitude { get; }

    double this[int output, int input] { get; }
}
