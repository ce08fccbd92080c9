package main

import (
	"github.com/spf13/cobra"
)

func newExportCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write the whole notebook as JSON to stdout",
		Long: `Write the whole notebook as JSON to stdout.

Export only reads: it never creates, upgrades or changes the notebook. While
another Parley has the notebook open it cannot read it, and says so.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			s, err := app.openForReading()
			if err != nil {
				return err
			}
			defer s.Close()
			return s.Export(app.stdout)
		},
	}
}
