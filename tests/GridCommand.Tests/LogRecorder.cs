using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GridCommand.Tests;

/// <summary>One recorded line: "level category: message", and the trace of the request it was logged in (null outside one).</summary>
public sealed record LogLine(string Text, string? Trace);

/// <summary>
/// Records what an app logs at Information and above — after the app's own level settings, as an operator would read
/// it — with the request each line came from (ASP.NET Core runs each request in an activity of its own trace).
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    /// <summary>How many recorded lines mention <paramref name="text"/>: what one request or one grain caused, without the noise of a busy machine.</summary>
    public int CountAbout(string text) => Lines.Count(line => line.Text.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}";
            recorder.Lines.Enqueue(new LogLine(text, Activity.Current?.TraceId.ToString()));
        }
    }
}
