package store

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

// ImportBatch is what an import writes, planned in full beforehand. Every
// record carries its final ID: one the notebook has is replaced, a new one
// is added under it. Nil settings are left as they are.
type ImportBatch struct {
	Profile      *model.Profile
	DueRules     *model.Settings
	Templates    []model.TemplateDoc
	Bank         *questions.UserState
	Contacts     []model.Contact
	Interviews   []model.Interview
	Interactions []model.Interaction
}

// NextIDs are the IDs the notebook would give its next contact, interview
// and timeline entry.
type NextIDs struct {
	Contact, Interview, Interaction uint64
}

// NextIDs reads the IDs the next records would get, so a planned import
// can number its new records. Open's lock keeps them true until the import
// is applied.
func (s *Store) NextIDs() (NextIDs, error) {
	var n NextIDs
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			n.Contact = tx.Bucket(bucketContacts).Sequence() + 1
			n.Interview = tx.Bucket(bucketInterviews).Sequence() + 1
			n.Interaction = tx.Bucket(bucketInteractions).Sequence() + 1
			return nil
		})
	})
	return n, err
}

// ApplyImport writes b in one transaction: all of it or, on any error,
// none. Each record is checked again against the model's rules and the
// records it points at, so a wrong plan cannot leave a dangling reference.
func (s *Store) ApplyImport(b ImportBatch) error {
	err := guard(func() error {
		return s.update(func(tx *bolt.Tx) error { return applyImport(tx, b) })
	})
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return nil
}

func applyImport(tx *bolt.Tx, b ImportBatch) error {
	if b.Profile != nil {
		if err := putIn(tx, bucketSettings, keyProfile, b.Profile.Trimmed()); err != nil {
			return err
		}
	}
	if b.DueRules != nil {
		if err := putIn(tx, bucketSettings, keyDueRules, b.DueRules.Normalized()); err != nil {
			return err
		}
	}
	if b.Bank != nil {
		if err := putIn(tx, bucketQuestions, keyBankState, *b.Bank); err != nil {
			return err
		}
	}
	if err := importTemplates(tx, b.Templates); err != nil {
		return err
	}
	contacts := tx.Bucket(bucketContacts)
	for _, c := range b.Contacts {
		if err := checkID("contact", c.ID); err != nil {
			return err
		}
		if msg := c.Validate(); msg != "" {
			return fmt.Errorf("contact %d (%q): %s", c.ID, c.Name, msg)
		}
		if err := putContact(tx, c); err != nil { // with its summary
			return err
		}
		if err := raiseSequence(contacts, c.ID); err != nil {
			return err
		}
	}
	// References are checked once every contact of the batch is in.
	for _, c := range b.Contacts {
		if c.ReferredBy != 0 && contacts.Get(itob(c.ReferredBy)) == nil {
			return fmt.Errorf("contact %d: the contact who referred them (%d): %w", c.ID, c.ReferredBy, ErrNotFound)
		}
	}
	for _, iv := range b.Interviews {
		if err := importInterview(tx, iv); err != nil {
			return fmt.Errorf("interview %d: %w", iv.ID, err)
		}
	}
	for _, it := range b.Interactions {
		if err := importInteraction(tx, it); err != nil {
			return fmt.Errorf("timeline entry %d: %w", it.ID, err)
		}
	}
	return nil
}

func importTemplates(tx *bolt.Tx, docs []model.TemplateDoc) error {
	b := tx.Bucket(bucketTemplates)
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			return fmt.Errorf("template %q: %w", d.ID, err)
		}
		if builtin, ok := model.BuiltInTemplate(d.ID); ok {
			d.Purpose = builtin.Purpose
		} else if n, ok := userTemplateNumber(d.ID); !ok {
			return fmt.Errorf("template %q: an ID is a built-in's or %s<number>", d.ID, model.UserTemplatePrefix)
		} else if n > b.Sequence() {
			if err := b.SetSequence(n); err != nil {
				return err
			}
		}
		data, err := json.Marshal(toStored(d))
		if err != nil {
			return err
		}
		if data, err = sealRecord(tx, []byte(d.ID), storedTemplate{}, data); err != nil {
			return err
		}
		if err := b.Put([]byte(d.ID), data); err != nil {
			return err
		}
	}
	return nil
}

// userTemplateNumber is n in a user template's ID "u-<n>".
func userTemplateNumber(id string) (uint64, bool) {
	var n uint64
	if _, err := fmt.Sscanf(id, model.UserTemplatePrefix+"%d", &n); err != nil || n == 0 || model.UserTemplateID(n) != id {
		return 0, false
	}
	return n, true
}

func importInterview(tx *bolt.Tx, iv model.Interview) error {
	if err := checkID("interview", iv.ID); err != nil {
		return err
	}
	if tx.Bucket(bucketContacts).Get(itob(iv.ContactID)) == nil {
		return fmt.Errorf("its contact %d: %w", iv.ContactID, ErrNotFound)
	}
	if iv.Scheduled != nil {
		if msg := iv.Scheduled.Validate(); msg != "" {
			return fmt.Errorf("%s", msg)
		}
	}
	// A nil checklist or notes would keep the stored ones (putInterview);
	// an import means exactly what it says.
	if iv.Questions == nil && iv.Closing == nil {
		iv.Questions = []model.Question{}
	}
	if iv.Notes == nil {
		iv.Notes = []model.Note{}
	}
	if err := putInterview(tx, iv); err != nil {
		return err
	}
	return raiseSequence(tx.Bucket(bucketInterviews), iv.ID)
}

func importInteraction(tx *bolt.Tx, it model.Interaction) error {
	if err := checkID("timeline entry", it.ID); err != nil {
		return err
	}
	if msg := it.Validate(); msg != "" {
		return fmt.Errorf("%s", msg)
	}
	if tx.Bucket(bucketContacts).Get(itob(it.ContactID)) == nil {
		return fmt.Errorf("its contact %d: %w", it.ContactID, ErrNotFound)
	}
	var before model.Interaction
	switch err := get(tx.Bucket(bucketInteractions), it.ID, &before); err {
	case nil:
		if err := deleteInteraction(tx, before); err != nil {
			return err
		}
	case ErrNotFound:
	default:
		return err
	}
	if err := putInteraction(tx, it); err != nil {
		return err
	}
	return raiseSequence(tx.Bucket(bucketInteractions), it.ID)
}

func checkID(kind string, id uint64) error {
	if id == 0 {
		return fmt.Errorf("a %s without an ID", kind)
	}
	return nil
}

// raiseSequence makes sure b's next ID is past id, so a later record never
// lands on an imported one.
func raiseSequence(b *bolt.Bucket, id uint64) error {
	if id > b.Sequence() {
		return b.SetSequence(id)
	}
	return nil
}

// putIn stores v under key in bucket within tx.
func putIn(tx *bolt.Tx, bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return putRaw(tx, bucket, key, data)
}

// ErrChangedSincePlan is ApplyImportPlanned's answer when records were
// added after the import was planned: its new records' IDs may be taken.
var ErrChangedSincePlan = errors.New("the notebook changed since the import was planned")

// ApplyImportPlanned is ApplyImport for a batch planned while the notebook
// stayed open to other writers (the running interface takes in the spool,
// saves as you type): it writes only if the IDs the next records would get
// are still next, the ones the plan numbered its new records from, and
// otherwise writes nothing and returns ErrChangedSincePlan, to plan again.
func (s *Store) ApplyImportPlanned(b ImportBatch, plannedAt NextIDs) error {
	err := guard(func() error {
		return s.update(func(tx *bolt.Tx) error {
			now := NextIDs{
				Contact:     tx.Bucket(bucketContacts).Sequence() + 1,
				Interview:   tx.Bucket(bucketInterviews).Sequence() + 1,
				Interaction: tx.Bucket(bucketInteractions).Sequence() + 1,
			}
			if now != plannedAt {
				return ErrChangedSincePlan
			}
			return applyImport(tx, b)
		})
	})
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return nil
}
