using Akka.Actor;
using GridCommand.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Tests.Web;

public sealed class GridTimeoutHandlerTests
{
    [Fact]
    public async Task A_grain_that_does_not_answer_in_time_is_a_503_to_retry()
    {
        var (handler, context) = Setup();

        Assert.True(await handler.TryHandleAsync(context, new AskTimeoutException("no answer"), CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("retry", body);
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task Other_failures_are_left_to_the_default_handler()
    {
        var (handler, context) = Setup();
        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException(), CancellationToken.None));
    }

    private static (GridTimeoutHandler, DefaultHttpContext) Setup()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        return (new GridTimeoutHandler(services.GetRequiredService<IProblemDetailsService>()), context);
    }
}
