// Command parley is a terminal notebook for informational interviews.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"parley/model"
	"parley/store"
	"parley/ui"
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
		fmt.Fprintln(os.Stderr, "parley:", err)
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
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	if cmd == "export" {
		return s.Export(stdout)
	}
	// Ask the terminal for its background before the program owns it;
	// asking later can hang (lipgloss#73).
	lipgloss.HasDarkBackground()
	return ui.Run(s, ui.Options{NoColor: os.Getenv("NO_COLOR") != ""})
}

// runAdd is `parley add`: capture a name from the shell and print what was
// saved. The arguments are checked before the notebook is opened, so a
// mistake writes nothing.
func runAdd(args []string, stdout io.Writer) error {
	// --db belongs to parley, not to the contact; take it out first.
	var dbPath string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return errors.New("--db needs a value")
			}
			dbPath = args[i+1]
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			dbPath = a[strings.IndexByte(a, '=')+1:]
		default:
			rest = append(rest, a)
		}
	}
	c, err := model.ParseAddArgs(rest)
	if errors.Is(err, model.ErrAddHelp) {
		fmt.Fprintln(stdout, model.AddUsage)
		return nil
	}
	if err != nil {
		return err
	}
	if dbPath == "" {
		if dbPath, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	s, err := store.Open(dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	now := time.Now()
	c.Created, c.Updated = now, now
	saved, err := s.PutContact(c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Added %s (%s)", saved.Name, saved.CurrentStage())
	for _, f := range [][2]string{{"org", saved.Organisation}, {"role", saved.Role}, {"email", saved.Email},
		{"tags", strings.Join(saved.Tags, ", ")}, {"note", saved.Notes}} {
		if f[1] != "" {
			fmt.Fprintf(stdout, "\n  %-6s %s", f[0]+":", f[1])
		}
	}
	fmt.Fprintln(stdout)
	return nil
}
