using System.Text;
using Engram.Components.Blocks;

namespace Engram.Components.Arch;

/// <summary>
/// <c>docs/chip-schema.md</c>, written from the section records' <see cref="SchemaKey"/>s and the block kinds, so the
/// schema is written once (a test keeps the file equal to this and checks the loader reads exactly these keys).
/// </summary>
public static class ChipSchemaDoc
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("""
            # Chip schema (`arch/chips/*.yaml`)

            <!-- Generated from the section records in src/Components/Arch/Specs (ChipSchemaDoc); do not edit by hand:
                 ENGRAM_UPDATE_GOLDEN=1 dotnet test --filter ChipSchemaDocTests rewrites it. -->

            Keys are snake_case; a unit suffix gives the unit. Keys ending in `_j` or `_v` may also be written as a
            quoted quantity with an SI prefix (`"42 fJ"`, `"850 mV"`); `_ps`, `_nm`, `_um`, `_um2` keys are plain
            numbers. Every key is required unless a default is given. `[a, b]` is an inclusive range. Unknown keys are
            errors everywhere; every error names `file:line:column: key.path: detail` (`engram validate FILE`).
            Values such as the ADC type, the weight mapping, the neuron and the schedule name a registered
            implementation: see `src/Components/README.md` for how to add one.

            | key | unit | range | default | meaning |
            |---|---|---|---|---|

            """);
        foreach (var key in ChipSpec.Schema)
        {
            text.Append($"| `{key.Key}` | {key.Unit} | {key.Range} | {key.Default} | {key.Meaning} |\n");
        }

        text.Append("""

            ## Block kinds

            Every hardware block has one name, used as the key of `costs.<kind>` and `clocks.blocks.<kind>`, as the last
            segment of its component path in the ledger (`stats.txt`, `breakdown.csv`, traces), in `engram cost CHIP`
            and as a component of `engram cost query`. Its actions are the ledger's action names.

            | kind | actions | one action is | `costs.<kind>` may set | own clock |
            |---|---|---|---|---|

            """);
        foreach (var kind in BlockKinds.All)
        {
            var fields = new[] { ("energy_j", Overrides.Energy), ("latency_ps", Overrides.Latency), ("area_um2", Overrides.Area) }
                .Where(f => kind.Overrides.HasFlag(f.Item2)).Select(f => $"`{f.Item1}`").ToList();
            string overrides = fields.Count > 0 ? string.Join(", ", fields) : "nothing (device physics)";
            string clock = kind.Clocked ? "yes" : kind.Name == BlockKinds.RowDriver ? "no (settles within the crossbar's read)" : "no (the card's pulse widths)";
            text.Append($"| `{kind.Name}` | {string.Join(", ", kind.Actions.Select(a => $"`{a}`"))} | {kind.PerAction} | {overrides} | {clock} |\n");
        }

        text.Append("""

            ## Checks across keys

            - `columns_per_adc` divides `tiles.array.cols`; a neuron with graded states (`tanh`) needs `dac_bits ≥ 2`;
              `off_chip` needs `host_round_trip_ps > 0`; each ADC type checks its bits (and `isaac` allows SAR of 4..10 only).
            - `grouped` needs a group size (`controller.group_size`, or `schedule: grouped:G`); other schedules take none.
            - `clocks.blocks.<kind>` names a domain of `clocks.domains` (or `chip`).
            - The network must fit: blocks = ⌈N/rows⌉·⌈N/cols⌉ (single layer) or ⌈N/rows⌉·⌈H/cols⌉ + ⌈H/rows⌉·⌈N/cols⌉
              (multilayer); physical arrays = blocks × arrays per block of the mapping (2 for `differential`, 1 for
              `reference_column`) ≤ `tiles.count × arrays_per_tile`.
            - The device arrays must fit in memory: physical cells × the per-cell state a device array keeps while it is
              read (5 B; 13 B with write noise; 70 B with drift, which samples the pulse parameters at once) ≤ 50 % of the
              memory available to the process. Arrays that are pulsed (write-verify, training) take 49 B more per cell.
            - `adc.full_scale_fraction` has one value, or one per layer.

            """);
        return text.ToString();
    }
}
