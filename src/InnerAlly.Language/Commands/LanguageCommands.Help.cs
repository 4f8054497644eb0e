namespace InnerAlly.Language.Commands;

/// <summary>What each verb's --help prints.</summary>
public static partial class LanguageCommands
{
    public const string AnalyzeHelp = """
        Usage: InnerAlly analyze < texts.jsonl > results.jsonl

        Reads JSON Lines from standard input, one object per line: {"id": <any JSON value>, "text": "..."}
        and writes one JSON line per input line to standard output, in the same order:
          {"id": ..., "language": {"supported", "note"},
           "risk": {"category": "none"|"self"|"from_others"|"to_others", "confidence", "evidence": [...]},
           "selfCriticism": {"present", "form": "inadequate"|"hated"|null, "confidence", "sentences": [...]},
           "thinkingTraps": [{"trap", "confidence"}], "prompts": [{"sentence", "start", "fear", "friend", "chosenFor"}]}
        A line that is not such an object gets {"id": ..., "error": {"message": "..."}} (id null when it
        could not be read) and the run goes on. Blank lines are skipped. Everything runs on this machine;
        nothing is sent anywhere. Progress and errors about the run itself go to standard error.
        """;

    public const string EvaluateHelp = """
        Usage: InnerAlly evaluate [--traps FILE] [--dev FOLDER] [--markdown] [--heads FILE] [--against FILE|embedded|OUTCOMES.tsv] [--outcomes-out FILE.tsv]

        Measures the language engine and prints the figures:
          thinking traps  on Sharma et al. (2023), ../shared/data/eval/thinking-traps-sharma2023/thinking_traps.jsonl
                          (evaluation only: it is never trained on); skipped with a note if not found
          risk            recall per category and false alarms, on Development/risk-dev.jsonl
          self-criticism  F1 and form accuracy, on Development/self-criticism-dev.jsonl
          robustness      empty text, 100 KB, emoji, capitals, typos, one risky sentence among many, other languages
        --markdown prints the confusion matrices as Markdown tables (as in docs/language-engine.md).
        Exits 3 when risk recall is below its goal (self 0.95, harm from others 0.90, to others 0.85).
        Recall and false alarms count the full notice; the gentle line is counted apart, and the
        development set is also read as if written in the guided settings (a record, a letter).
        --heads FILE measures a heads.json written by train-language --out, without rebuilding (it must
        have been trained on this build's embeddings). --against FILE|embedded also reads the risk
        development set with that model (embedded: the one built in) and compares text by text: how
        many ordinary texts gained or lost the notice, how many risky texts were found or missed, and
        the exact McNemar p of each change, so a gain can be told from noise. --outcomes-out FILE.tsv
        writes each development text's outcome (expected risky, notice, kind; not the text), and
        --against FILE.tsv compares with such a file: for models one process cannot load together
        (another encoder, another build).
        """;

    public const string TrainHelp = """
        Usage: InnerAlly train-language [--data FOLDER] [--out FILE] [--cache FILE] [--l2 VALUE] [--cv] [--second READS] [--second-l2 VALUE] [--compare-second]
               [--keep-risk HEADS.json] [--trap-reads mean|mean+last] [--trap-l2 VALUE] [--trap-smoothing SHARE] [--trap-no-cues] [--trap-probe FILE]

        Trains the engine's heads from the labelled sentences in src/InnerAlly.Language/Training/
        (thinking-traps.jsonl, risk.jsonl, self-criticism.jsonl) and writes
        src/InnerAlly.Language/Model/heads.json; rebuild afterwards so the library embeds it.
        Deterministic for the same files. Development/ and the outside evaluation set are never read.
        --cache FILE keeps the sentence embeddings between runs (faster retraining while changing cues).
        --l2 VALUE sets the weight penalty (default 0.0001).
        --cv also reports held-out accuracy of the self-criticism and thinking-trap heads.
        --second READS sets what the second stage reads: sentence (the embedding and cues, as the
        first stage; the default), local (the token states around the risk word, and the cues),
        sentence+local (both) or sentence+neighbours (with the sentences either side; measured
        unsafe, see docs/language-engine.md). --second-l2 its weight penalty (default 0.0001).
        --compare-second also reports, held-out, every input with L2 0.0001, 0.001 and 0.01.
        Thinking-traps-more.jsonl and self-criticism-more.jsonl, when present, are read by their own
        heads only (not as the risk heads' everyday sentences).
        --keep-risk HEADS.json keeps that model's risk heads, thresholds and second stage instead of
        retraining them (seconds instead of minutes; for changing only the other heads).
        --trap-reads mean+last also trains the trap head on each line's last sentence alone;
        --trap-l2 its weight penalty; --trap-smoothing SHARE label smoothing of its targets;
        --trap-no-cues trains it on the embedding alone (cue weights held at zero);
        --trap-probe FILE reports its top-1 on trap lines it was not trained on.
        """;

    public const string TuneLayerHelp = """
        Usage: InnerAlly tune-layer [--data FOLDER] [--out FILE] [--cache FILE] [--epochs N] [--rate R] [--everyday N] [--threads N] [--lowest-loss-out FILE]
                          [--pairs WEIGHT] [--pair-margin M]

        Fine-tunes MiniLM's top layer on the risk lines in src/InnerAlly.Language/Training/ (never
        Development/ or the outside evaluation set), with a risk head, over the lower layers' token
        states; every fifth training line is held out, and the layer of the epoch with the fewest
        held-out false alarms at 95% recall is kept. Writes src/InnerAlly.Language/Model/tuned_layer.bin
        (16-bit floats) only if that epoch is not 0 (the package's own layer). Then rebuild, run
        train-language, and rebuild again.
        --cache FILE keeps the lower layers' token states between runs (put it under /tmp).
        --epochs N (default 4), --rate R the layer's Adam rate (default 3e-5), --everyday N at most N
        everyday sentences from the self-criticism and thinking-trap lines (default 1500), --threads N
        threads sharing each batch (default 1), --lowest-loss-out FILE also writes the layer of the
        epoch with the lowest held-out loss, for measuring. --pairs WEIGHT adds a contrastive term over
        the paired lines of Training/tried/ (an ordinary and a risky line in the same surface form):
        WEIGHT x max(0, cosine - M) for each pair's two sentences, M from --pair-margin (default 0.5).
        """;
}
