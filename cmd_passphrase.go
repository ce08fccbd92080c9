package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui/safetext"
)

func newPassphraseCmd(app *cli) *cobra.Command {
	var newFile string
	cmd := &cobra.Command{
		Use:   "passphrase",
		Short: "Change the encrypted notebook's passphrase",
		Long: `Change the encrypted notebook's passphrase. The current one is asked on the
terminal or read from --passphrase-file; the new one is asked twice, or read
from --new-passphrase-file.

The notebook is rewritten under a new key, and with the current cost of the
key derivation, so an old notebook is brought up to it. Until the new file is
complete and synced, the old one, with the old passphrase, is untouched.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return app.onNotebook(func(s *store.Store) error {
				if !s.Encrypted() {
					return fmt.Errorf("the notebook %s is not encrypted; parley encrypt encrypts it", s.Path())
				}
				p, err := app.newPassphrase(newFile)
				if err != nil {
					return err
				}
				if err := s.ChangePassphrase(p, store.DefaultKDF); err != nil {
					return err
				}
				fmt.Fprintln(app.stdout, "Changed the passphrase of", safetext.Line(s.Path())+".", losingWarning)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&newFile, "new-passphrase-file", "", "read the new passphrase from the first line of `file`")
	return cmd
}
