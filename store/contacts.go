package store

import (
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// Contacts returns every contact, in the order they were added.
func (s *Store) Contacts() ([]model.Contact, error) {
	var out []model.Contact
	err := s.view(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketContacts), func(c model.Contact) error {
			out = append(out, c)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read contacts: %w", err)
	}
	return out, nil
}

// Contact returns one contact, or ErrNotFound.
func (s *Store) Contact(id uint64) (model.Contact, error) {
	var c model.Contact
	err := s.view(func(tx *bolt.Tx) error { return get(tx.Bucket(bucketContacts), id, &c) })
	if err != nil {
		return c, fmt.Errorf("read contact %d: %w", id, err)
	}
	return c, nil
}

// PutContact saves a contact, giving it an ID if it has none, and returns it
// as saved.
func (s *Store) PutContact(c model.Contact) (model.Contact, error) {
	if msg := c.Validate(); msg != "" {
		return c, fmt.Errorf("save contact: %s", msg)
	}
	asked := c
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketContacts)
		if c.ReferredBy != 0 && b.Get(itob(c.ReferredBy)) == nil {
			return fmt.Errorf("the contact who referred them (%d): %w", c.ReferredBy, ErrNotFound)
		}
		if c.ID == 0 {
			id, err := b.NextSequence()
			if err != nil {
				return err
			}
			c.ID = id
		}
		return putContact(tx, c)
	})
	if err != nil {
		s.keepFailed(RescueContact, asked, err)
		return c, fmt.Errorf("save contact %q: %w", c.Name, err)
	}
	return c, nil
}

// DeleteContact deletes a contact with all of its interviews and its
// timeline, and clears the "referred by" of anyone they referred (those
// people stay: the user still knows them), all in one transaction.
func (s *Store) DeleteContact(id uint64) error {
	err := s.update(func(tx *bolt.Tx) error {
		contacts := tx.Bucket(bucketContacts)
		var gone model.Contact
		if err := get(contacts, id, &gone); err != nil {
			return err
		}
		if err := deleteContactRecords(tx, id); err != nil {
			return err
		}
		var referred []model.Contact
		err := forEach(contacts, func(c model.Contact) error {
			if c.ReferredBy == id {
				// The link goes; who it was stays, as text.
				c.ReferredBy, c.ReferrerName = 0, strings.TrimSpace(gone.Name)
				referred = append(referred, c)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, c := range referred {
			if err := putContact(tx, c); err != nil {
				return err
			}
		}
		if err := contacts.Delete(itob(id)); err != nil {
			return err
		}
		return refreshSummary(tx, id)
	})
	if err != nil {
		return fmt.Errorf("delete contact %d: %w", id, err)
	}
	return nil
}
