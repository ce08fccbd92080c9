package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"parley/demo"
	"parley/store"
)

const demoUsage = `Usage: parley demo --db PATH [--contacts N] [--seed N]

Fill a new notebook at PATH with made-up people to look around in: contacts
at every stage, interviews held and coming up, notes, timelines, referrals.
PATH must not exist yet, so a real notebook is never touched; open the demo
with: parley --db PATH

Options:
  --db PATH       the new notebook file (required)
  --contacts N    how many contacts (default 100; about half get an interview)
  --seed N        the same seed makes the same people (default 1)
`

// runDemo is `parley demo`: everything is checked before the file is
// made, and a notebook left half filled by an error is removed.
func runDemo(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("parley demo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	path := fs.String("db", "", "the new notebook file")
	n := fs.Int("contacts", 100, "how many contacts")
	seed := fs.Uint64("seed", 1, "seed for the made-up people")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, demoUsage)
			return nil
		}
		return fmt.Errorf("demo: %v (see parley demo --help)", err)
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("demo: unexpected %q (see parley demo --help)", fs.Arg(0))
	case *path == "":
		return errors.New("demo: say where to make the demo notebook with --db PATH (a file that does not exist yet)")
	case *n < 1 || *n > 1_000_000:
		return fmt.Errorf("demo: --contacts must be between 1 and 1000000, not %d", *n)
	}
	if _, err := os.Lstat(*path); err == nil {
		return fmt.Errorf("demo: %s already exists; the demo only fills a new notebook", *path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("demo: %w", err)
	}
	start := time.Now()
	s, err := store.Open(*path)
	if err != nil {
		return err
	}
	counts, err := demo.Fill(s, *n, *seed, time.Now())
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if rerr := os.Remove(*path); rerr != nil {
			return fmt.Errorf("%w (and the half-filled %s could not be removed: %v)", err, *path, rerr)
		}
		return err
	}
	size := int64(0)
	if info, err := os.Stat(*path); err == nil {
		size = info.Size()
	}
	fmt.Fprintf(stdout, "Made a demo notebook at %s: %d contacts, %d interviews, %d timeline entries (%.1f MB, %.2f s).\nOpen it with: parley --db %s\n",
		*path, counts.Contacts, counts.Interviews, counts.Interactions, float64(size)/1e6, time.Since(start).Seconds(), *path)
	return nil
}
