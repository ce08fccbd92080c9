package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"parley/demo"
	"parley/store"
	"parley/ui/safetext"
)

func newDemoCmd(app *cli) *cobra.Command {
	var contacts int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "demo --db PATH",
		Short: "Make a new notebook of made-up people to look around in",
		Long: `Fill a new notebook at PATH with made-up people to look around in: contacts
at every stage, interviews held and coming up, notes, timelines, referrals.
PATH must not exist yet, so a real notebook is never touched; open the demo
with: parley --db PATH`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch {
			case app.dbFlag == "":
				// Never the default notebook: demo data must not land
				// among the user's real people.
				return usageErrorf(cmd, "say where to make the demo notebook with --db PATH (a file that does not exist yet)")
			case contacts < 1 || contacts > 1_000_000:
				return usageErrorf(cmd, "--contacts must be between 1 and 1000000, not %d", contacts)
			}
			return runDemo(app, app.dbFlag, contacts, seed)
		},
	}
	cmd.Flags().IntVar(&contacts, "contacts", 100, "how many contacts (about half get an interview)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "the same seed makes the same people")
	return cmd
}

// runDemo checks everything before the file is made, and removes a
// notebook left half filled by an error.
func runDemo(app *cli, path string, n int, seed uint64) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("demo: %s already exists; the demo only fills a new notebook", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("demo: %w", err)
	}
	start := time.Now()
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	counts, err := demo.Fill(s, n, seed, app.now())
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if rerr := os.Remove(path); rerr != nil {
			return fmt.Errorf("%w (and the half-filled %s could not be removed: %v)", err, path, rerr)
		}
		return err
	}
	size := int64(0)
	if info, err := os.Stat(path); err == nil {
		size = info.Size()
	}
	fmt.Fprintf(app.stdout, "Made a demo notebook at %s: %d contacts, %d interviews, %d timeline entries (%.1f MB, %.2f s).\nOpen it with: parley --db %s\n",
		safetext.Line(path), counts.Contacts, counts.Interviews, counts.Interactions, float64(size)/1e6, time.Since(start).Seconds(), safetext.Line(path))
	return nil
}
