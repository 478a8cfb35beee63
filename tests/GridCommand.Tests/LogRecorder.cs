using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GridCommand.Tests;

/// <summary>Records what an app logs at Information and above, as "level category: message", to check what an operator would read.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>How many recorded lines mention <paramref name="text"/>: what one request or one grain caused, without the noise of a busy machine.</summary>
    public int CountAbout(string text) => Lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) recorder.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
        }
    }
}
