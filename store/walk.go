package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

// NotebookSettings is everything in a notebook that is not a contact, an
// interview or a timeline entry: the small, single values.
type NotebookSettings struct {
	Schema   int
	Profile  model.Profile
	DueRules model.Settings
	// Templates are the stored ones only: the user's own and the built-ins
	// they edited, in ID order. An untouched built-in comes from Parley.
	Templates []model.TemplateDoc
	Bank      questions.UserState
}

// NotebookVisitor receives a whole notebook from Walk: the settings once,
// then every contact, every interview (checklist and notes included) and
// every timeline entry (text included), each kind in ID order.
type NotebookVisitor interface {
	Settings(NotebookSettings) error
	Contact(model.Contact) error
	Interview(model.Interview) error
	Interaction(model.Interaction) error
}

// Walk hands the whole notebook to v record by record inside one read
// transaction, so what v sees is one consistent state and memory does not
// grow with the notebook's size. An error from v stops the walk and is
// returned as it is.
func (s *Store) Walk(v NotebookVisitor) error {
	var visitErr error
	visit := func(err error) error {
		if err != nil {
			visitErr = err
		}
		return err
	}
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			st, err := readSettings(tx)
			if err != nil {
				return err
			}
			if err := visit(v.Settings(st)); err != nil {
				return err
			}
			if err := forEach(tx.Bucket(bucketContacts), func(c model.Contact) error {
				return visit(v.Contact(c))
			}); err != nil {
				return err
			}
			if err := forEach(tx.Bucket(bucketInterviews), func(h interviewHeader) error {
				iv, err := whole(tx, h, true)
				if err != nil {
					return err
				}
				return visit(v.Interview(iv))
			}); err != nil {
				return err
			}
			return forEach(tx.Bucket(bucketInteractions), func(it model.Interaction) error {
				text, err := getRaw(tx, bucketInteractionTexts, itob(it.ID))
				if err != nil {
					return err
				}
				it.Text = string(text)
				return visit(v.Interaction(it))
			})
		})
	})
	if visitErr != nil {
		return visitErr
	}
	if err != nil {
		return fmt.Errorf("read notebook: %w", err)
	}
	return nil
}

// readSettings reads the notebook's single values in tx.
func readSettings(tx *bolt.Tx) (NotebookSettings, error) {
	st := NotebookSettings{Schema: SchemaVersion()}
	if err := getIn(tx, bucketSettings, keyProfile, &st.Profile); err != nil {
		return st, err
	}
	if err := getIn(tx, bucketSettings, keyDueRules, &st.DueRules); err != nil {
		return st, err
	}
	st.DueRules = st.DueRules.Normalized()
	if err := getIn(tx, bucketQuestions, keyBankState, &st.Bank); err != nil {
		return st, err
	}
	err := forEach(tx.Bucket(bucketTemplates), func(t storedTemplate) error {
		st.Templates = append(st.Templates, t.doc())
		return nil
	})
	return st, err
}

// getIn decodes the single value under key in bucket into v, leaving v as
// it is when there is none.
func getIn(tx *bolt.Tx, bucket, key []byte, v any) error {
	data, err := getRaw(tx, bucket, key)
	if err != nil || data == nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: the %s record %q %s", ErrDamaged, bucket, key, jsonProblem(err))
	}
	return nil
}
