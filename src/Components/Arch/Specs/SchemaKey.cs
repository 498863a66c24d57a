namespace Engram.Components.Arch;

/// <summary>
/// One key of the chip schema as the user reads it (docs/chip-schema.md is generated from these, and a test
/// checks that the loader reads exactly these keys).
/// </summary>
/// <param name="Key">Dotted key path; <c>&lt;name&gt;</c> stands for a user-chosen map key.</param>
public sealed record SchemaKey(string Key, string Unit, string Range, string Default, string Meaning);
