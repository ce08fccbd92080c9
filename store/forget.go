package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// ForgetPlan is what forgetting a contact removes: them, their interviews
// (with checklists and notes), their timeline (with every message's text),
// and the "referred by" of each contact they referred.
type ForgetPlan struct {
	Contact    model.Contact
	Interviews int
	Entries    int
	// Referred are the contacts they referred, as they are now.
	Referred []model.Contact
}

// PlanForget says what Forget(id) would remove, changing nothing.
func (s *Store) PlanForget(id uint64) (ForgetPlan, error) {
	var plan ForgetPlan
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			var err error
			plan, err = planForget(tx, id)
			return err
		})
	})
	if err != nil {
		return plan, fmt.Errorf("read contact %d: %w", id, err)
	}
	return plan, nil
}

func planForget(tx *bolt.Tx, id uint64) (ForgetPlan, error) {
	var plan ForgetPlan
	if err := get(tx.Bucket(bucketContacts), id, &plan.Contact); err != nil {
		return plan, err
	}
	plan.Interviews = len(indexed(tx.Bucket(bucketContactInterviews), id))
	plan.Entries = len(indexed(tx.Bucket(bucketContactInteractions), id))
	err := forEach(tx.Bucket(bucketContacts), func(c model.Contact) error {
		if c.ReferredBy == id {
			plan.Referred = append(plan.Referred, c)
		}
		return nil
	})
	return plan, err
}

// Forget removes contact id and everything of theirs that ForgetPlan
// lists, in one transaction, then compacts the notebook (see rewrite) so
// that no byte of them remains in its file. With keepNames, each contact
// they referred keeps their name as a line of plain text in its notes
// ("Referred by NAME."); otherwise the reference goes without a trace.
//
// Their name may still appear in text the user wrote elsewhere (another
// contact's notes, a message): Forget does not guess at prose. Copies of
// the notebook outside it are listed by LeftoverCopies.
func (s *Store) Forget(id uint64, keepNames bool, now time.Time) (ForgetPlan, error) {
	plan, err := s.removeForgotten(id, keepNames, now)
	if err != nil {
		return plan, fmt.Errorf("forget contact %d: %w", id, err)
	}
	if err := s.compact(); err != nil {
		return plan, fmt.Errorf("%s is removed from the notebook, but compacting its file failed, so bytes of them "+
			"may remain in its free space until a compaction succeeds (parley compact, or the next open): %w", plan.Contact.Name, err)
	}
	return plan, nil
}

// keyCompactPending in meta marks a notebook whose free pages may hold a
// forgotten contact: written with the removal, absent from the compacted
// copy, so a Parley killed between the two compacts at its next open.
var keyCompactPending = []byte("compactPending")

// removeForgotten is Forget's transaction, which leaves the compaction
// pending.
func (s *Store) removeForgotten(id uint64, keepNames bool, now time.Time) (ForgetPlan, error) {
	var plan ForgetPlan
	err := guard(func() error {
		return s.update(func(tx *bolt.Tx) error {
			var err error
			if plan, err = planForget(tx, id); err != nil {
				return err
			}
			if err := deleteContactRecords(tx, id); err != nil {
				return err
			}
			contacts := tx.Bucket(bucketContacts)
			for _, c := range plan.Referred {
				c.ReferredBy = 0
				if keepNames {
					c.Notes = strings.TrimSpace(c.Notes + "\n\nReferred by " + plan.Contact.Name + ".")
					c.Updated = now
				}
				if err := putContact(tx, c); err != nil {
					return err
				}
			}
			if err := tx.Bucket(bucketMeta).Put(keyCompactPending, []byte("1")); err != nil {
				return err
			}
			if err := contacts.Delete(itob(id)); err != nil {
				return err
			}
			return refreshSummary(tx, id) // removes theirs
		})
	})
	return plan, err
}

// compactIfPending finishes a forget that was cut off before its
// compaction.
func (s *Store) compactIfPending() error {
	var pending bool
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			pending = tx.Bucket(bucketMeta).Get(keyCompactPending) != nil
			return nil
		})
	})
	if err != nil || !pending {
		return err
	}
	if err := s.compact(); err != nil {
		return fmt.Errorf("finish compacting after a forget: %w", err)
	}
	return nil
}

// LeftoverCopies lists the copies of the notebook at path kept outside it,
// which may hold what was forgotten: the daily backups in the backups
// folder beside it, the copies kept before schema upgrades, and spooled
// changes that were refused.
func LeftoverCopies(path string) ([]string, error) {
	target, _, err := locate(path)
	if err != nil {
		return nil, err
	}
	dir, base := filepath.Dir(target), filepath.Base(target)
	var out []string
	daily := strings.TrimSuffix(base, filepath.Ext(base)) + "-"
	backups, err := regularFiles(BackupFolder(target), func(n string) bool {
		return strings.HasPrefix(n, daily) && strings.HasSuffix(n, ".db")
	})
	if err != nil {
		return nil, err
	}
	out = append(out, backups...)
	upgrades, err := regularFiles(dir, func(n string) bool {
		return strings.HasPrefix(n, base+".schema") && strings.HasSuffix(n, ".bak")
	})
	if err != nil {
		return nil, err
	}
	out = append(out, upgrades...)
	refused, err := regularFiles(target+".spool", func(n string) bool { return strings.HasSuffix(n, rejectedSuffix) })
	if err != nil {
		return nil, err
	}
	return append(out, refused...), nil
}

// regularFiles lists the regular files in dir whose names keep says, in
// name order; a missing folder has none.
func regularFiles(dir string, keep func(string) bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && keep(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}
