using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>Validates reports against docs/check.schema.json with Ajv, a validator the generator has nothing to do with.</summary>
public static class CheckSchema
{
    public static string File => Path.Combine(Repo.Root, "docs", "check.schema.json");

    /// <returns>What Ajv said and its exit code (0: every report is valid).</returns>
    public static ExternalTool.Result Validate(params CheckReport[] reports)
    {
        var folder = Directory.CreateTempSubdirectory("qm-check-reports-");
        try
        {
            var files = reports.Select((r, i) => r.SaveTo(folder.FullName, $"report-{i}.json")).ToArray();
            return ExternalTool.Node("Data/Tools/validate-json.mjs", [File, .. files]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static void AssertValid(params CheckReport[] reports)
    {
        var result = Validate(reports);
        Assert.True(result.ExitCode == 0, "Ajv rejects the report(s):\n" + result.All);
    }
}
