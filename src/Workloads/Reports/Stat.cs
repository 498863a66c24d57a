namespace Engram.Workloads.Reports;

/// <summary>One reported number: a hierarchical camelCase name, its value, its unit and what it means.</summary>
public sealed record Stat(string Name, double Value, string Unit, string Description);
