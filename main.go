// Parley is a desktop program, not a service in a container: Go 1.25's
// rereading of the CPU limit every second only wakes it up (half the idle
// live screen's CPU, see ui/processors.go).
//go:debug updatemaxprocs=0

// Command parley is a terminal notebook for informational interviews.
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// subcommands is every `parley NAME`. A new command is one file,
// cmd_NAME.go, with its constructor, and one line here.
var subcommands = []func(*cli) *cobra.Command{
	newAddCmd,
	newBackupCmd,
	newCheckCmd,
	newCompactCmd,
	newDecryptCmd,
	newDemoCmd,
	newEncryptCmd,
	newExportCmd,
	newForgetCmd,
	newImportCmd,
	newManCmd,
	newNextCmd,
	newPassphraseCmd,
	newStatsCmd,
	newVersionCmd,
}

// cli is what every command shares: where its output goes, the global
// --db flag and the clock, so that tests can fix all three.
type cli struct {
	stdout, stderr io.Writer
	dbFlag         string
	now            func() time.Time
	// getenv reads the environment (the locale, for 12- or 24-hour
	// times); nil reads nothing.
	getenv func(string) string
	// stdin answers confirmations (parley forget); nil answers no.
	stdin io.Reader
	// passphraseFile is --passphrase-file; askPassphrase, when set,
	// replaces the terminal for tests.
	passphraseFile string
	askPassphrase  func(prompt string) ([]byte, error)
}

// notebookPath is --db, else the default place.
func (app *cli) notebookPath() (string, error) {
	if app.dbFlag != "" {
		return app.dbFlag, nil
	}
	return store.DefaultPath()
}

// openForReading opens the notebook read-only, for commands that only
// read. A running Parley holds the notebook's lock to itself, and bbolt
// lets no reader in beside a writer, so then it fails with store.ErrLocked,
// whose message says to close that Parley first.
func (app *cli) openForReading() (*store.Store, error) {
	path, err := app.notebookPath()
	if err != nil {
		return nil, err
	}
	return app.openWith(path, store.OpenReadOnly)
}

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	os.Exit(reportError(os.Stderr, err))
}

// run parses args and runs the command they name, writing data to stdout.
// It prints no error itself: the caller gives it to reportError.
func run(args []string, stdout, stderr io.Writer) error {
	return execute(&cli{stdout: stdout, stderr: stderr, now: time.Now, getenv: os.Getenv, stdin: os.Stdin}, args)
}

// execute runs the command args name with app's output and clock.
func execute(app *cli, args []string) error {
	root := newRootCmd(app)
	root.SetArgs(args)
	return root.Execute()
}

const rootLong = `Parley: a terminal notebook for informational interviews.

Run without a command, it opens the notebook.

Environment:
  PARLEY_DB       the notebook file, unless --db is given
  NO_COLOR        plain text, no colours or reverse video
  VISUAL, EDITOR  the editor for notes (ctrl+g) and drafts (E) (default: vi)`

func newRootCmd(app *cli) *cobra.Command {
	root := &cobra.Command{
		Use:     "parley",
		Short:   "A terminal notebook for informational interviews",
		Long:    rootLong,
		Version: version,
		Args:    cobra.NoArgs,
		// Errors are printed once, in our words, by reportError.
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(*cobra.Command, []string) error {
			return runNotebook(app)
		},
	}
	root.SetOut(app.stdout)
	root.SetErr(app.stderr)
	root.SetVersionTemplate("parley {{.Version}}\n")
	root.PersistentFlags().StringVar(&app.dbFlag, "db", "",
		"the notebook `path` (default: $PARLEY_DB, else $XDG_DATA_HOME/parley/parley.db,\nelse ~/.local/share/parley/parley.db)")
	root.PersistentFlags().StringVar(&app.passphraseFile, "passphrase-file", "",
		"read an encrypted notebook's passphrase from the first line of `file` (default: ask on the terminal)")
	root.SetFlagErrorFunc(flagError)
	root.SetHelpCommand(newHelpCmd())
	for _, newCmd := range subcommands {
		root.AddCommand(newCmd(app))
	}
	root.InitDefaultCompletionCmd()
	if completion, _, err := root.Find([]string{"completion"}); err == nil && completion != root {
		completion.RunE = func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf(c, "no completion for %q; the shells are bash, zsh, fish and powershell", args[0])
			}
			return usageErrorf(c, "completion needs a shell: bash, zsh, fish or powershell")
		}
		completion.Args = cobra.ArbitraryArgs
	}
	markUsageErrors(root)
	return root
}

// runNotebook is plain `parley`: the notebook in the terminal.
func runNotebook(app *cli) error {
	s, err := app.openNotebook()
	if err != nil {
		return err
	}
	// Close stops the day's backup if it is still running (the interface
	// makes it once the first screen is up); it is made at the next open.
	defer s.Close()
	// Ask the terminal for its background before the program owns it;
	// asking later can hang (lipgloss#73).
	lipgloss.HasDarkBackground()
	return ui.Run(s, ui.Options{NoColor: os.Getenv("NO_COLOR") != "", NoMouse: os.Getenv("PARLEY_NO_MOUSE") != ""})
}

func newVersionCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(app.stdout, "parley", version)
			return err
		},
	}
}
