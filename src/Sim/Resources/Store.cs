using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// A FIFO buffer of items with a capacity (register files, FIFOs between blocks). <see cref="Put"/>
/// blocks while full and <see cref="Get"/> while empty; both are served in request order.
/// </summary>
public sealed class Store<T>
{
    private readonly Simulation _simulation;
    private readonly Queue<T> _items = new();
    private readonly Queue<StorePut<T>> _puts = new();
    private readonly Queue<StoreGet<T>> _gets = new();

    public Store(Simulation simulation, int capacity = int.MaxValue, string? name = null)
    {
        _simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a store needs a capacity of at least 1");
        }

        Capacity = capacity;
        Name = name ?? "store";
    }

    public string Name { get; }

    public int Capacity { get; }

    public int Count => _items.Count;

    public int PendingPuts => _puts.Count;

    public int PendingGets => _gets.Count;

    /// <summary>An event that succeeds once <paramref name="item"/> is in the store.</summary>
    public StorePut<T> Put(T item)
    {
        var put = new StorePut<T>(_simulation, item);
        _puts.Enqueue(put);
        Settle();
        return put;
    }

    /// <summary>An event that succeeds with the next item; read it from <see cref="StoreGet{T}.Item"/>.</summary>
    public StoreGet<T> Get()
    {
        var get = new StoreGet<T>(_simulation);
        _gets.Enqueue(get);
        Settle();
        return get;
    }

    public bool TryPut(T item)
    {
        if (_puts.Count > 0 || _items.Count >= Capacity)
        {
            return false;
        }

        _items.Enqueue(item);
        Settle();
        return true;
    }

    public bool TryGet(out T item)
    {
        if (_gets.Count > 0 || _items.Count == 0)
        {
            item = default!;
            return false;
        }

        item = _items.Dequeue();
        Settle();
        return true;
    }

    public override string ToString() => $"Store '{Name}' ({Count}/{Capacity})";

    internal void Settle()
    {
        bool progress = true;
        while (progress)
        {
            progress = false;
            while (_puts.Count > 0 && (_puts.Peek().Cancelled || _items.Count < Capacity))
            {
                var put = _puts.Dequeue();
                if (!put.Cancelled)
                {
                    _items.Enqueue(put.Item);
                    put.Succeed();
                    progress = true;
                }
            }

            while (_gets.Count > 0 && (_gets.Peek().Cancelled || _items.Count > 0))
            {
                var get = _gets.Dequeue();
                if (!get.Cancelled)
                {
                    get.Item = _items.Dequeue();
                    get.Succeed(get.Item);
                    progress = true;
                }
            }
        }
    }
}

/// <summary>A pending put; <see cref="Cancel"/> withdraws it if not yet done.</summary>
public sealed class StorePut<T> : Event
{
    internal StorePut(Simulation simulation, T item)
        : base(simulation)
    {
        Item = item;
    }

    public T Item { get; }

    internal bool Cancelled { get; private set; }

    public void Cancel()
    {
        if (!IsTriggered)
        {
            Cancelled = true;
        }
    }
}

/// <summary>A pending get; after it succeeds, <see cref="Item"/> holds what it took.</summary>
public sealed class StoreGet<T> : Event
{
    internal StoreGet(Simulation simulation)
        : base(simulation)
    {
    }

    public T Item { get; internal set; } = default!;

    internal bool Cancelled { get; private set; }

    public void Cancel()
    {
        if (!IsTriggered)
        {
            Cancelled = true;
        }
    }
}
