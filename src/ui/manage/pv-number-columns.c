/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-number-columns.h"

/* The columns of Phone Numbers: what each cell of a number says, with
 * the names the model looks up, and the cells on screen written again
 * when those names arrive. */

enum
{
  COLUMN_NUMBER,
  COLUMN_TYPE,
  COLUMN_OPERATOR,
  COLUMN_COUNTRY,
  COLUMN_STATUS,
  COLUMN_PERSON,
  COLUMN_ADDRESS,
  N_COLUMNS
};

struct _PvNumberColumns
{
  GObject         parent_instance;

  PvNumbersModel *model;
  GHashTable     *bound_cells;  /* GtkListItem on screen → its column + 1 */
};

G_DEFINE_FINAL_TYPE (PvNumberColumns, pv_number_columns, G_TYPE_OBJECT)

static const char *
status_label (PvPhoneNumber *number)
{
  switch (pv_phone_number_get_status (number))
    {
    case PV_NUMBER_STATUS_ASSIGNED:
      return C_("number status", "Assigned");
    case PV_NUMBER_STATUS_PENDING:
      return C_("number status", "Pending");
    case PV_NUMBER_STATUS_UNASSIGNED:
    default:
      return C_("number status", "Unassigned");
    }
}

/* The number, and whom it is assigned to or its status: what the line
 * under the list says of the selected number, and what a screen reader
 * says of a row. */
char *
pv_number_columns_describe (PvNumbersModel *model,
                            PvPhoneNumber  *number)
{
  PvUser *person = pv_numbers_model_get_person_of (model, number);

  if (person != NULL)
    /* Translators: the first %s is a phone number, the second a person. */
    return g_strdup_printf (_("%s, assigned to %s"), pv_phone_number_get_telephone_number (number),
                            pv_numbers_person_label (person));
  /* Translators: the first %s is a phone number, the second its status. */
  return g_strdup_printf (_("%s, %s"), pv_phone_number_get_telephone_number (number), status_label (number));
}

static char *
cell_text (PvNumberColumns *self,
           PvPhoneNumber *number,
           guint          column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup (pv_phone_number_get_telephone_number (number));
    case COLUMN_TYPE:
      return g_strdup (pv_enum_get_label (PV_TYPE_NUMBER_TYPE, pv_phone_number_get_number_type (number)));
    case COLUMN_OPERATOR:
      return g_strdup (pv_numbers_model_get_operator_name (self->model, pv_phone_number_get_operator_id (number)));
    case COLUMN_COUNTRY:
      return g_strdup (pv_numbers_country_name (pv_phone_number_get_country_code (number)));
    case COLUMN_STATUS:
      return g_strdup (status_label (number));
    case COLUMN_PERSON:
      {
        PvUser *person = pv_numbers_model_get_person_of (self->model, number);

        if (person != NULL)
          return g_strdup (pv_numbers_person_label (person));
        return g_strdup (pv_phone_number_get_assigned_user_id (number));
      }
    case COLUMN_ADDRESS:
      {
        PvEmergencyAddress *address = pv_numbers_model_get_address_of (self->model, number);

        if (address != NULL)
          return g_strdup (pv_emergency_address_get_description (address));
        return NULL;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "pv-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Names may be long, and seven columns do not fit a narrow window:
   * these may shorten, down to a few characters, rather than push the
   * last column out of sight. The selected number is written out in
   * full below the list, and screen readers read the whole text. */
  if (column == COLUMN_OPERATOR || column == COLUMN_PERSON || column == COLUMN_ADDRESS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_list_item_set_child (item, label);
}

/* No tooltip: the columns are as wide as their text, and setting one at
 * each bind costs a round trip to the X server per cell (the pointer's
 * position), which was a fifth of the main loop's time while loading. */
static void
set_cell (PvNumberColumns *self,
          GtkListItem   *item,
          guint          column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");

  /* GTK 4.8 names a column view's rows after their type
   * ("GtkListItemWidget"): the number's cell names its row (the row is
   * the cell's parent) for screen readers. */
  if (column == COLUMN_NUMBER && gtk_widget_get_parent (label) != NULL &&
      gtk_widget_get_parent (gtk_widget_get_parent (label)) != NULL)
    {
      g_autofree char *name = pv_number_columns_describe (self->model, gtk_list_item_get_item (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_parent (label))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PvNumberColumns          *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "pv-column"));

  set_cell (self, item, column);
  g_hash_table_insert (self->bound_cells, item, GUINT_TO_POINTER (column + 1));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PvNumberColumns          *self)
{
  g_hash_table_remove (self->bound_cells, item);
}

static void
add_column (PvNumberColumns *self,
            GtkColumnView *column_view,
            guint          column,
            const char    *title,
            int            fixed_width,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "pv-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (column_view, view_column);
}

/* The labels of the rows on screen use lookups (operators, people,
 * addresses) that may arrive after the numbers: write those again once
 * they do, and only those, rather than rebinding the whole view. */
void
pv_number_columns_refresh (PvNumberColumns *self)
{
  GHashTableIter iter;
  gpointer item, column;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    set_cell (self, item, GPOINTER_TO_UINT (column) - 1);
}

static void
pv_number_columns_finalize (GObject *object)
{
  PvNumberColumns *self = PV_NUMBER_COLUMNS (object);

  g_hash_table_unref (self->bound_cells);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (pv_number_columns_parent_class)->finalize (object);
}

static void
pv_number_columns_class_init (PvNumberColumnsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_number_columns_finalize;
}

static void
pv_number_columns_init (PvNumberColumns *self)
{
  self->bound_cells = g_hash_table_new (g_direct_hash, g_direct_equal);
}

PvNumberColumns *
pv_number_columns_new (PvNumbersModel *model)
{
  PvNumberColumns *self = g_object_new (PV_TYPE_NUMBER_COLUMNS, NULL);

  self->model = g_object_ref (model);
  return self;
}

/**
 * pv_number_columns_attach:
 *
 * Gives @column_view the columns of a number.
 */
void
pv_number_columns_attach (PvNumberColumns *self,
                          GtkColumnView   *column_view)
{
  g_return_if_fail (PV_IS_NUMBER_COLUMNS (self));

  /* Columns as wide as their text; the view scrolls sideways when the
   * window is too narrow for all of them, rather than cutting words. */
  add_column (self, column_view, COLUMN_NUMBER, _("Number"), 0, FALSE);
  add_column (self, column_view, COLUMN_TYPE, _("Type"), 0, FALSE);
  add_column (self, column_view, COLUMN_OPERATOR, _("Operator"), 0, FALSE);
  add_column (self, column_view, COLUMN_COUNTRY, _("Country"), 0, FALSE);
  add_column (self, column_view, COLUMN_STATUS, _("Status"), 0, FALSE);
  add_column (self, column_view, COLUMN_PERSON, _("Assigned To"), 0, TRUE);
  add_column (self, column_view, COLUMN_ADDRESS, _("Emergency Address"), 0, TRUE);
}
