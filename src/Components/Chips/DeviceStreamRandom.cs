using Engram.Models.Devices;
using Engram.Sim.Random;

namespace Engram.Components.Chips;

/// <summary>
/// A named stream as the device models see it: a <see cref="System.Random"/> that also hands out runs of uniforms
/// (<see cref="IUniformBatch"/>, the same values as one draw at a time), for the millions of draws of an array build.
/// </summary>
internal sealed class DeviceStreamRandom(RandomStream stream) : StreamRandom(stream), IUniformBatch;
