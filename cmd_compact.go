package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui/safetext"
)

func newCompactCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Rewrite the notebook so nothing deleted remains in its file",
		Long: `Rewrite the notebook into a new file holding only what is in it now, which
replaces the old one once it is complete and synced. What was deleted stays in
a notebook's free space until it is overwritten; after compact it is gone.
parley forget does this by itself.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return app.onNotebook(func(s *store.Store) error {
				if err := s.Compact(); err != nil {
					return err
				}
				fmt.Fprintln(app.stdout, "Compacted", safetext.Line(s.Path())+".")
				return nil
			})
		},
	}
}
