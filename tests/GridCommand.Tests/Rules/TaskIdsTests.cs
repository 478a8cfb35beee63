using GridCommand.Rules.Incidents;

namespace GridCommand.Tests.Rules;

public sealed class TaskIdsTests
{
    [Theory]
    [InlineData("I251002-120000-AB12", 1)]
    [InlineData("I251002-120000-AB12", 12)]
    [InlineData("R0123456789ABCDEF", 3)]
    public void A_task_id_leads_back_to_its_incident(string incidentId, int n)
    {
        var taskId = TaskIds.Of(incidentId, n);
        Assert.Equal($"{incidentId}.T{n}", taskId);
        Assert.Equal(incidentId, TaskIds.IncidentOf(taskId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense")]
    [InlineData(".T1")]
    [InlineData("I1.T")]
    [InlineData("I1.Tx")]
    [InlineData("I1.T1x")]
    public void Text_that_is_not_a_task_id_has_no_incident(string text) => Assert.Null(TaskIds.IncidentOf(text));

    [Fact]
    public void The_last_separator_counts() => Assert.Equal("I1.T1", TaskIds.IncidentOf("I1.T1.T2"));
}
