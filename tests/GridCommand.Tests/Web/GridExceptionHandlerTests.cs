using GridCommand.Contracts;
using GridCommand.Rules;
using GridCommand.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GridCommand.Tests.Web;

public sealed class GridExceptionHandlerTests
{
    [Theory]
    [InlineData(RejectionCode.NotFound, 404)]
    [InlineData(RejectionCode.Conflict, 409)]
    [InlineData(RejectionCode.Forbidden, 403)]
    [InlineData(RejectionCode.Invalid, 400)]
    public async Task A_refusal_of_the_rules_is_its_problem_with_the_message(RejectionCode code, int status)
    {
        var (handled, context, body) = await Handle(new Refusal(code, "Unit P001 is assigned, not available."));

        Assert.True(handled);
        Assert.Equal(status, context.Response.StatusCode);
        Assert.Contains("Unit P001 is assigned, not available.", body);
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task A_grain_that_does_not_answer_in_time_is_a_503_to_retry()
    {
        var (handled, context, body) = await Handle(new TimeoutException("Response did not arrive on time in 00:00:10 for message: Request [S127.0.0.1:11111]"));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Contains("retry", body);
        Assert.DoesNotContain("S127.0.0.1", body);
    }

    [Fact]
    public async Task A_database_failure_is_a_503_that_does_not_show_the_database_error()
    {
        var (handled, context, body) = await Handle(new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021"));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.DoesNotContain("UTF8", body);
        Assert.DoesNotContain("22021", body);
    }

    [Fact]
    public async Task A_change_not_saved_says_so_and_asks_for_a_retry()
    {
        var (_, context, body) = await Handle(new NotSavedException("unit P001"));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Contains("unit P001 could not be saved", body);
    }

    [Fact]
    public async Task Other_failures_are_left_to_the_default_handler()
    {
        var (handled, _, _) = await Handle(new InvalidOperationException());
        Assert.False(handled);
    }

    private static async Task<(bool Handled, DefaultHttpContext Context, string Body)> Handle(Exception e)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new GridExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<GridExceptionHandler>.Instance);
        var handled = await handler.TryHandleAsync(context, e, CancellationToken.None);
        context.Response.Body.Position = 0;
        return (handled, context, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
