using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// A request for one unit of a resource: a small handle, so requesting allocates nothing.
/// Yield it to wait for the grant; dispose it to release the unit (or to withdraw a request that was
/// not granted yet). Disposing twice is harmless: the handle carries a generation number.
/// <code>
/// using var adc = converters.Request();
/// yield return adc;               // granted
/// yield return sim.Timeout(convertPs);
/// </code>
/// </summary>
public readonly struct ResourceRequest : IDisposable
{
    private readonly ResourceBase? _owner;
    private readonly long _token;

    internal ResourceRequest(ResourceBase owner, long token)
    {
        _owner = owner;
        _token = token;
    }

    public bool IsGranted => _owner is not null && _owner.IsGranted(_token);

    public static implicit operator Wait(ResourceRequest request) =>
        new(request._owner ?? throw new InvalidOperationException("default(ResourceRequest) cannot be awaited"), request._token);

    /// <summary>An event that succeeds when the request is granted (allocates; for AnyOf/AllOf).</summary>
    public Event AsEvent() =>
        (_owner ?? throw new InvalidOperationException("default(ResourceRequest) has no event")).GrantEvent(_token);

    public void Dispose() => _owner?.Release(_token);
}
