using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engram.Workloads.Examples;

namespace Engram.Cli.Commands;

/// <summary><c>engram kernel-demo</c>: columns of one crossbar read sharing ADCs, on the kernel.</summary>
public static class KernelDemoCommand
{
    public static Command Build()
    {
        var defaults = AdcSharingConfig.Default;
        var columns = new Option<int>("--columns") { Description = "bit lines read at once", DefaultValueFactory = _ => defaults.Columns };
        var adcs = new Option<int>("--adcs") { Description = "shared ADCs", DefaultValueFactory = _ => defaults.Adcs };
        var readPulse = new Option<long>("--read-pulse-ps") { Description = "read pulse before sampling (ps)", DefaultValueFactory = _ => defaults.ReadPulsePs };
        var conversion = new Option<long>("--conversion-ps") { Description = "one ADC conversion (ps)", DefaultValueFactory = _ => defaults.ConversionPs };
        var seed = new Option<ulong>("--seed") { Description = "master seed", DefaultValueFactory = _ => defaults.Seed };
        var json = new Option<bool>("--json") { Description = "print only a JSON object" };

        var command = new Command("kernel-demo", "Simulate one crossbar read whose columns share ADCs, and check it against the closed form.")
        {
            columns, adcs, readPulse, conversion, seed, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var config = new AdcSharingConfig(
                parse.GetValue(columns),
                parse.GetValue(adcs),
                parse.GetValue(readPulse),
                parse.GetValue(conversion),
                parse.GetValue(seed));
            try
            {
                config.Validate();
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"engram kernel-demo: {ex.Message}");
                return 2;
            }

            var result = AdcSharingExample.Run(config);
            long closedFormPs = config.ReadPulsePs + ((config.Columns + config.Adcs - 1) / config.Adcs * config.ConversionPs);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    columns = config.Columns,
                    adcs = config.Adcs,
                    latency_ps = result.LatencyPs,
                    closed_form_latency_ps = closedFormPs,
                    conversions = result.Conversions,
                    adc_utilization = result.AdcUtilization,
                    mean_queue_wait_ps = result.MeanQueueWaitPs,
                    dispatches = result.Dispatches,
                    dispatch_hash = result.DispatchHash.ToString("x16", CultureInfo.InvariantCulture),
                }));
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                output.WriteLine(string.Create(c, $"crossbar read: {config.Columns} columns, {config.Adcs} shared ADCs, {config.ReadPulsePs} ps read pulse, {config.ConversionPs} ps per conversion"));
                output.WriteLine(string.Create(c, $"  latency            {result.LatencyPs} ps (closed form {closedFormPs} ps)"));
                output.WriteLine(string.Create(c, $"  conversions        {result.Conversions}"));
                output.WriteLine(string.Create(c, $"  ADC utilization    {result.AdcUtilization:P1}"));
                output.WriteLine(string.Create(c, $"  mean ADC wait      {result.MeanQueueWaitPs:F0} ps"));
                output.WriteLine(string.Create(c, $"  kernel dispatches  {result.Dispatches} (hash {result.DispatchHash:x16})"));
            }

            return result.LatencyPs == closedFormPs ? 0 : 1;
        });
        return command;
    }
}
