// Command parley is a terminal notebook for informational interviews.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/lipgloss"

	"parley/store"
	"parley/ui"
	"parley/ui/safetext"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const usage = `Parley: a terminal notebook for informational interviews.

Usage:
  parley [--db PATH]              open the notebook
  parley add "Name" [--org ORG] [--role ROLE] [--email EMAIL] [--tag TAG]... [--note NOTE] [--db PATH]
                                  add a contact without opening the notebook
  parley export [--db PATH]       write the whole notebook as JSON to stdout
  parley demo --db PATH [--contacts N] [--seed N]
                                  make a new notebook of made-up people to look around in
  parley --help | --version

Options:
  --db PATH   the notebook file (default: $PARLEY_DB, else
              $XDG_DATA_HOME/parley/parley.db, else
              ~/.local/share/parley/parley.db)

Environment:
  PARLEY_DB   the notebook file, unless --db is given
  NO_COLOR    plain text, no colours or reverse video
  VISUAL, EDITOR
              the editor for notes (ctrl+g) and drafts (E) (default: vi)
`

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		// Errors can quote user text (a name, a path): print them made safe.
		fmt.Fprintln(os.Stderr, "parley:", safetext.Line(err.Error()))
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	cmd := ""
	if len(args) > 0 && (args[0] == "export" || args[0] == "add") {
		cmd, args = args[0], args[1:]
	}
	if cmd == "add" {
		return runAdd(args, stdout)
	}
	if len(args) > 0 && args[0] == "demo" {
		return runDemo(args[1:], stdout)
	}
	fs := flag.NewFlagSet("parley", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "notebook file")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return nil
		}
		return fmt.Errorf("%v (see parley --help)", err)
	}
	if *showVersion {
		fmt.Fprintln(stdout, "parley", version)
		return nil
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected %q (see parley --help)", fs.Arg(0))
	}
	path := *dbPath
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	if cmd == "export" {
		return runExport(path, stdout)
	}
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	// Ask the terminal for its background before the program owns it;
	// asking later can hang (lipgloss#73).
	lipgloss.HasDarkBackground()
	return ui.Run(s, ui.Options{NoColor: os.Getenv("NO_COLOR") != ""})
}

// runExport is `parley export`: a read, so it opens the notebook read-only
// and never creates or changes anything.
func runExport(path string, stdout io.Writer) error {
	s, err := store.OpenReadOnly(path)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Export(stdout)
}
