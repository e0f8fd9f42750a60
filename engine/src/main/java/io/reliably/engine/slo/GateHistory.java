package io.reliably.engine.slo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory that keeps the results of past gates ({@code --history-dir}): each gate writes its
 * evaluation as one JSON file named after its time and id, and the next gate reads them all back,
 * newest first, to compare with.
 */
public final class GateHistory {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final EvaluationJson json = new EvaluationJson();

    public GateHistory(Path directory) {
        this.directory = directory;
    }

    /** The evaluations kept so far, newest first; empty when the directory does not exist yet. */
    public EvaluationHistory read() throws InvalidSloException {
        if (!Files.isDirectory(directory)) {
            if (Files.exists(directory)) {
                throw new InvalidSloException(new SloProblem(directory.toString(), "",
                        "expected a directory of earlier evaluations but found a file"));
            }
            return new EvaluationHistory(directory.toString(), List.of());
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidSloException(new SloProblem(directory.toString(), "", "cannot be read: " + e.getMessage()));
        }
        List<Stored> stored = new ArrayList<>();
        List<SloProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                stored.add(new Stored(file.getFileName().toString(), json.read(file.toString(), InputFiles.read(file))));
            } catch (InvalidSloException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSloException(problems);
        }
        stored.sort(Comparator.comparing((Stored s) -> s.evaluation.evaluatedAt(),
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(s -> s.name)
                .reversed());
        return new EvaluationHistory(directory.toString(), stored.stream().map(s -> s.evaluation).toList());
    }

    /** Keeps an evaluation; returns the file written. */
    public Path write(Evaluation evaluation) throws IOException {
        Files.createDirectories(directory);
        Instant at = evaluation.evaluatedAt() == null ? Instant.now() : evaluation.evaluatedAt();
        String safeId = evaluation.id().replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = directory.resolve(FILE_TIME.format(at) + "-" + safeId + ".json");
        Path partial = directory.resolve("." + file.getFileName() + ".tmp");
        Files.writeString(partial, json.toString(evaluation) + "\n", StandardCharsets.UTF_8);
        return Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private record Stored(String name, Evaluation evaluation) {
    }
}
