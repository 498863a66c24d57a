using System.Security.Cryptography;
using System.Text;

namespace Engram.Workloads.Sweeps;

/// <summary>Short content hashes: the first 16 hex digits of SHA-256 of a canonical text (64 bits, ample for a sweep's points).</summary>
public static class SweepHash
{
    public static string Of(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
}
