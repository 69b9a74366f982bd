using GovDisclosure.Cli.Commands;

// gd: the portal's command line. One file per verb under Commands/, one line in this table.
var verbs = new (string[] Words, Func<string[], TextWriter, TextWriter, Task<int>> Run, string Usage)[]
{
    (["parse"], ParseCommand.RunAsync, ParseCommand.Usage),
    (["check"], CheckCommand.RunAsync, CheckCommand.Usage),

    // RenderCommand is synchronous (PDFsharp writes to a byte array); the table wants a Task.
    (["render"], RenderCommand.RunAsync, RenderCommand.Usage),
    (["db", "migrate"], DbMigrateCommand.RunAsync, DbMigrateCommand.Usage),
    (["db", "backfill-findings"], DbBackfillFindingsCommand.RunAsync, DbBackfillFindingsCommand.Usage),
    (["db", "backfill-similarity"], DbBackfillSimilarityCommand.RunAsync, DbBackfillSimilarityCommand.Usage),
    (["db", "backfill-public-record"], DbBackfillPublicRecordCommand.RunAsync, DbBackfillPublicRecordCommand.Usage),
    (["import"], ImportCommand.RunAsync, ImportCommand.Usage),
    (["agency", "import"], AgencyImportCommand.RunAsync, AgencyImportCommand.Usage),
    (["user", "add"], UserAddCommand.RunAsync, UserAddCommand.Usage),
    (["user", "unlock"], UserUnlockCommand.RunAsync, UserUnlockCommand.Usage),
    (["demo"], DemoCommand.RunAsync, DemoCommand.Usage),
};

Console.OutputEncoding = System.Text.Encoding.UTF8;
foreach (var (words, run, _) in verbs)
{
    if (args.Length >= words.Length && args.Take(words.Length).SequenceEqual(words))
    {
        return await run(args[words.Length..], Console.Out, Console.Error);
    }
}

Console.Error.WriteLine("gd：政府信息公开工作年度报告门户命令行工具");
foreach (var (_, _, usage) in verbs)
{
    Console.Error.WriteLine(usage);
}

return 2;
