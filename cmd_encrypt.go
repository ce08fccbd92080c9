package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui/safetext"
)

// losingWarning is said whenever a passphrase is set.
const losingWarning = "Keep the passphrase safe: without it no one, you and Parley included, can open the notebook again."

func newEncryptCmd(app *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "encrypt",
		Short: "Encrypt the notebook with a passphrase",
		Long: `Encrypt the notebook with a passphrase, asked twice on the terminal, or read
from the first line of --passphrase-file.

Every record (names, notes, messages, every text field) is sealed with
XChaCha20-Poly1305 under a key the passphrase unlocks through argon2id. The
notebook is rewritten into a new file beside it, synced to disk, then put in
its place: until then the old file is untouched.

If you lose the passphrase, the notebook is lost: there is no way back.

Afterwards parley asks for the passphrase when it opens the notebook, and
parley add still works without it (the contact waits, sealed, until the next
opening). Copies made before (backups, the copy kept before an upgrade) stay
as they were: encrypt lists them.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path, err := app.existingPath()
			if err != nil {
				return err
			}
			s, err := store.Open(path)
			if errors.Is(err, store.ErrNeedsPassphrase) {
				return fmt.Errorf("the notebook %s is already encrypted; parley passphrase changes its passphrase", path)
			}
			if err != nil {
				return err
			}
			defer s.Close()
			if app.passphraseFile == "" {
				fmt.Fprintln(app.stdout, "Encrypting", safetext.Line(path)+".", losingWarning)
			}
			p, err := app.newPassphrase(app.passphraseFile)
			if err != nil {
				return err
			}
			if err := s.Encrypt(p, store.DefaultKDF); err != nil {
				return err
			}
			fmt.Fprintln(app.stdout, "Encrypted", safetext.Line(path)+".", losingWarning)
			return app.listPlainCopies(path, "These copies were made before and are not encrypted; delete them if they should not be read:")
		},
	}
}

// listPlainCopies names the copies of the notebook kept outside it, after
// heading, if there are any.
func (app *cli) listPlainCopies(path, heading string) error {
	copies, err := store.LeftoverCopies(path)
	if err != nil || len(copies) == 0 {
		return err
	}
	fmt.Fprintln(app.stdout, heading)
	for _, c := range copies {
		fmt.Fprintln(app.stdout, " ", safetext.Line(c))
	}
	return nil
}
