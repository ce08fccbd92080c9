package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui/safetext"
)

func newDecryptCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "decrypt",
		Short: "Turn the notebook's encryption off",
		Long: `Turn the notebook's encryption off: it is rewritten plain, readable by anyone
who can read the file, into a new file that replaces the old one only once it
is complete. The passphrase is asked on the terminal or read from
--passphrase-file.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return app.onNotebook(func(s *store.Store) error {
				if err := s.Decrypt(); err != nil {
					return err
				}
				fmt.Fprintln(app.stdout, "Decrypted", safetext.Line(s.Path())+": it is plain now.")
				return nil
			})
		},
	}
}
