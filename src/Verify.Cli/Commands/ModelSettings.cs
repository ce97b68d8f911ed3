using System.ComponentModel;
using Spectre.Console.Cli;

namespace Verify.Cli.Commands;

/// <summary>Options every command that reads a model shares.</summary>
public class ModelSettings : CommandSettings
{
    [CommandOption("--model <FILE>")] [Description("Model file to use instead of the bundled Baldwin-Okubo (2014) model.")]
    public string? Model { get; init; }
}
