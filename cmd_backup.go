package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui/safetext"
)

func newBackupCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "backup DEST",
		Short: "Write a consistent copy of the notebook to DEST",
		Long: `Write a consistent copy of the notebook to the file DEST, as it is now.

The copy is written under a temporary name, synced to disk and then renamed,
so DEST is never a partial copy; it is readable by you only (0600). DEST may
not be the notebook itself. Open a copy with: parley --db DEST

Besides this, Parley keeps its own daily copies: the first time it opens the
notebook each day it writes one into a backups folder beside it, and keeps
the last 7.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			path, err := app.notebookPath()
			if err != nil {
				return err
			}
			s, err := app.openWith(path, store.OpenReadOnly)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.Backup(args[0]); err != nil {
				return err
			}
			_, err = fmt.Fprintf(app.stdout, "Backed up %s to %s.\n", safetext.Line(path), safetext.Line(args[0]))
			return err
		},
	}
}
