package main

import (
	"github.com/spf13/cobra"

	"parley/store"
)

func newExportCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write the whole notebook as JSON to stdout",
		Long: `Write the whole notebook as JSON to stdout.

Export only reads: it never creates, upgrades or changes the notebook.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path, err := app.notebookPath()
			if err != nil {
				return err
			}
			s, err := store.OpenReadOnly(path)
			if err != nil {
				return err
			}
			defer s.Close()
			return s.Export(app.stdout)
		},
	}
}
