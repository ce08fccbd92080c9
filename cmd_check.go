package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui/safetext"
)

func newCheckCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check that the notebook is sound",
		Long: `Check that the notebook is sound: that its file is whole (bbolt's own
check of every page) and that every record in it can be read.

Check only reads: it never creates, upgrades or changes the notebook.
It exits 0 when all is well and 1 when it finds a problem or cannot read
the file. A damaged notebook can be replaced by one of the daily copies in
the backups folder beside it.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path, err := app.notebookPath()
			if err != nil {
				return err
			}
			s, err := app.openWith(path, store.OpenReadOnly)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.Check(); err != nil {
				return fmt.Errorf("check %s: %w", path, err)
			}
			_, err = fmt.Fprintf(app.stdout, "%s is sound: its file is whole and every record reads.\n", safetext.Line(path))
			return err
		},
	}
}
