package org.nnlab.data.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.data.DatasetNotFoundException;

/**
 * Finds an MNIST-format dataset by name and loads it.
 *
 * <p>The places are tried in this order; the first folder holding a training-images file wins:
 * <ol>
 *   <li>an explicit folder, if one is passed to {@link #load(String, Path)} (never skipped: if it
 *       lacks the files, loading fails rather than silently using another copy);
 *   <li>the built-in digits, for the names {@value #BUILTIN} and {@value #BUILTIN_ALIAS};
 *   <li>{@code $NNLAB_DATA/<name>}: the environment variable {@value #ENV} names a folder that
 *       holds one subfolder per dataset (not the files themselves);
 *   <li>{@code ~/.nnlab/datasets/<name>};
 *   <li>for the name {@value #FASHION}, Debian's {@code /usr/share/datasets/fashion-mnist}
 *       (package {@code dataset-fashion-mnist}).
 * </ol>
 * If none holds it, a {@link DatasetNotFoundException} lists every place tried, why each failed,
 * and how to get the data. The environment, home folder and Debian folder are constructor
 * arguments so that tests can point them anywhere; {@link #system()} uses the real ones.
 */
public final class DatasetResolver {
    /** The environment variable naming a folder of dataset subfolders. */
    public static final String ENV = "NNLAB_DATA";
    /** The name of the built-in digits. */
    public static final String BUILTIN = "mnist-10k";
    /** Another name for the built-in digits. */
    public static final String BUILTIN_ALIAS = "builtin";
    /** The name under which Debian's Fashion-MNIST is found. */
    public static final String FASHION = "fashion-mnist";
    /** Where Debian's {@code dataset-fashion-mnist} package installs the four files. */
    public static final Path DEBIAN_FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    private final Map<String, String> env;
    private final Path home;
    private final Path debianFashion;

    /**
     * A resolver that reads {@value #ENV} from {@code env}, looks under {@code home/.nnlab/datasets},
     * and finds Debian's Fashion-MNIST in {@code debianFashion}.
     */
    public DatasetResolver(Map<String, String> env, Path home, Path debianFashion) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.debianFashion = debianFashion;
    }

    /** The resolver for this machine: the process environment, {@code user.home}, {@link #DEBIAN_FASHION}. */
    public static DatasetResolver system() {
        return new DatasetResolver(System.getenv(), Path.of(System.getProperty("user.home")), DEBIAN_FASHION);
    }

    /**
     * Loads dataset {@code name} from the first place that holds it.
     *
     * @throws DatasetNotFoundException listing every place tried, if none holds it
     */
    public MnistDataset load(String name) throws IOException {
        if (isBuiltin(name)) {
            return MnistDataset.builtin();
        }
        return MnistDataset.load(locate(name), name);
    }

    /**
     * Loads dataset {@code name} from {@code folder}, which the user chose explicitly.
     *
     * @throws DatasetNotFoundException if {@code folder} does not hold the four files
     */
    public MnistDataset load(String name, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetNotFoundException("Dataset folder " + folder + " (given explicitly for '" + name
                    + "') does not exist or is not a folder. Hint: check the path, or leave it out to search "
                    + searchOrder(name) + ".", List.of(folder.toString()));
        }
        return MnistDataset.load(folder, name);
    }

    /**
     * The folder that holds dataset {@code name} (not the built-in one, which lives in the jar).
     *
     * @throws DatasetNotFoundException listing every place tried, if none holds it
     */
    public Path locate(String name) throws DatasetNotFoundException {
        requireSimpleName(name);
        List<String> tried = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Path candidate : candidates(name)) {
            if (MnistFolder.holdsDataset(candidate)) {
                return candidate;
            }
            tried.add(candidate.toString());
            report.append("\n  ").append(tried.size()).append(". ").append(candidate).append(" (")
                    .append(Files.isDirectory(candidate) ? "folder exists but has no " + MnistFolder.FILES.get(0)
                            + "[.gz]" : "no such folder").append(')');
        }
        if (!env.containsKey(ENV)) {
            report.append("\n  (").append(ENV).append(" is not set, so no folder was tried there)");
        }
        throw new DatasetNotFoundException("Dataset '" + name + "' was not found. Looked in, in order:" + report
                + "\nHow to get it: " + howToGet(name), tried);
    }

    /** The folders {@link #locate} tries for {@code name}, in order, e.g. for the error message. */
    public List<Path> candidates(String name) {
        requireSimpleName(name);
        List<Path> out = new ArrayList<>();
        String root = env.get(ENV);
        if (root != null && !root.isBlank()) {
            out.add(Path.of(root).resolve(name));
        }
        out.add(home.resolve(".nnlab").resolve("datasets").resolve(name));
        if (FASHION.equals(name)) {
            out.add(debianFashion);
        }
        return out;
    }

    /** Whether {@code name} denotes the built-in digits. */
    public static boolean isBuiltin(String name) {
        return BUILTIN.equals(name) || BUILTIN_ALIAS.equals(name);
    }

    private String searchOrder(String name) {
        return isBuiltin(name) ? "the built-in digits" : candidates(name).toString();
    }

    private String howToGet(String name) {
        Path target = home.resolve(".nnlab").resolve("datasets").resolve(name);
        StringBuilder sb = new StringBuilder();
        if (FASHION.equals(name)) {
            sb.append("on Debian or Ubuntu, `sudo apt-get install dataset-fashion-mnist` installs it in ")
                    .append(debianFashion).append("; or ");
        }
        return sb.append("download the four IDX files (").append(String.join(".gz, ", MnistFolder.FILES))
                .append(".gz) into ").append(target).append(", or into a folder ").append(name)
                .append("/ inside the folder that ").append(ENV).append(" names. The built-in digits need no download: ask for '")
                .append(BUILTIN).append("'.").toString();
    }

    private static void requireSimpleName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("Dataset name '" + name + "' must be a plain folder name such as '"
                    + FASHION + "'. Hint: to load a folder by path, use load(name, Path) or MnistDataset.load(Path).");
        }
    }

    /** The resolved name-to-folder decision, for diagnostics: the folder, or empty if not found. */
    public Optional<Path> find(String name) {
        try {
            return Optional.of(locate(name));
        } catch (DatasetNotFoundException e) {
            return Optional.empty();
        }
    }
}
