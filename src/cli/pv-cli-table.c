/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "pv-cli-table.h"
#include "pv-csv.h"

/* What the listing commands print: the same rows as CSV (for a
 * spreadsheet or the next command; the columns are the service's member
 * names) or as a table for a person, aligned by what the terminal shows,
 * not by bytes or characters: accented names take one cell a character,
 * CJK names two, combining marks none. */

/* A column wider than this is cut, so that one long value does not push
 * every other column off the screen. */
#define MAX_COLUMN_WIDTH 40

struct _PvCliTable
{
  GStrv      columns;    /* CSV header */
  GStrv      headings;   /* table header, translated */
  guint      n_columns;
  GPtrArray *rows;       /* GStrv */
};

/**
 * pv_cli_output_parse:
 * @name: (nullable): what followed --output, or %NULL for the default: a
 *   table when standard output is a terminal, CSV otherwise
 */
gboolean
pv_cli_output_parse (const char   *name,
                     PvCliOutput  *output,
                     GError      **error)
{
  if (name == NULL)
    *output = isatty (STDOUT_FILENO) ? PV_CLI_OUTPUT_TABLE : PV_CLI_OUTPUT_CSV;
  else if (g_str_equal (name, "table"))
    *output = PV_CLI_OUTPUT_TABLE;
  else if (g_str_equal (name, "csv"))
    *output = PV_CLI_OUTPUT_CSV;
  else
    {
      /* Translators: %s is what the user typed after --output. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown output “%s”; use csv or table."), name);
      return FALSE;
    }
  return TRUE;
}

static glong
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/* How many terminal cells @text takes once made displayable. */
glong
pv_cli_display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

/**
 * pv_cli_display_text:
 * @max_width: the most cells the text may take, or -1 for no limit
 *
 * @text made safe for a terminal (control characters, which a hostile
 * directory could use to move the cursor or change colours, are shown as
 * U+FFFD) and cut to @max_width cells, ending with an ellipsis when cut.
 *
 * Returns: (transfer full): the text to show
 */
char *
pv_cli_display_text (const char *text,
                     glong       max_width)
{
  g_autoptr(GString) out = g_string_new (NULL);
  glong width = 0;

  if (text == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      glong w;

      if (g_unichar_iscntrl (c))
        c = 0xFFFD;
      w = char_width (c);
      if (max_width >= 0 && width + w > max_width)
        {
          /* Cut: make room for the ellipsis, which takes one cell. */
          while (out->len > 0 && width + 1 > max_width)
            {
              const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

              width -= char_width (g_utf8_get_char (last));
              g_string_truncate (out, last - out->str);
            }
          if (max_width >= 1)
            g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
      width += w;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pv_cli_table_new:
 * @columns: (array zero-terminated=1): the CSV header, one name a column
 * @headings: (array zero-terminated=1): the table's headings, translated,
 *   as many as @columns
 */
PvCliTable *
pv_cli_table_new (const char * const *columns,
                  const char * const *headings)
{
  PvCliTable *self = g_new0 (PvCliTable, 1);

  self->columns = g_strdupv ((char **) columns);
  self->headings = g_strdupv ((char **) headings);
  self->n_columns = g_strv_length (self->columns);
  g_return_val_if_fail (g_strv_length (self->headings) == self->n_columns, self);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return self;
}

/**
 * pv_cli_table_add_row:
 * @fields: (array): one value a column; %NULL stands for an absent value
 */
void
pv_cli_table_add_row (PvCliTable         *self,
                      const char * const *fields)
{
  GStrv row = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    row[i] = g_strdup (fields[i] != NULL ? fields[i] : "");
  g_ptr_array_add (self->rows, row);
}

static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  g_string_append (out, text);
  for (glong i = pv_cli_display_width (text); i < width; i++)
    g_string_append_c (out, ' ');
}

static void
append_row (GString            *out,
            const char * const *cells,
            const glong        *widths,
            guint               n_columns)
{
  gsize start = out->len;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *text = pv_cli_display_text (cells[c], widths[c]);

      append_padded (out, text, widths[c]);
      if (c + 1 < n_columns)
        g_string_append (out, "  ");
    }
  /* No trailing spaces after the last value. */
  while (out->len > start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/**
 * pv_cli_table_to_text:
 *
 * Returns: (transfer full): the table, a line a row after the headings
 */
char *
pv_cli_table_to_text (PvCliTable *self)
{
  g_autofree glong *widths = g_new0 (glong, self->n_columns);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < self->n_columns; c++)
    widths[c] = MIN (pv_cli_display_width (self->headings[c]), MAX_COLUMN_WIDTH);
  for (guint r = 0; r < self->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autofree char *text = pv_cli_display_text (row[c], MAX_COLUMN_WIDTH);

          widths[c] = MAX (widths[c], pv_cli_display_width (text));
        }
    }

  append_row (out, (const char * const *) self->headings, widths, self->n_columns);
  for (guint r = 0; r < self->rows->len; r++)
    append_row (out, g_ptr_array_index (self->rows, r), widths, self->n_columns);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pv_cli_table_write (PvCliTable     *self,
                    PvCliOutput     output,
                    GOutputStream  *stream,
                    GError        **error)
{
  if (output == PV_CLI_OUTPUT_TABLE)
    {
      g_autofree char *text = pv_cli_table_to_text (self);

      if (!g_output_stream_write_all (stream, text, strlen (text), NULL, NULL, error))
        return FALSE;
    }
  else
    {
      g_autoptr(PvCsvWriter) writer = pv_csv_writer_new (stream);

      if (!pv_csv_writer_write_row (writer, (const char * const *) self->columns, error))
        return FALSE;
      for (guint r = 0; r < self->rows->len; r++)
        if (!pv_csv_writer_write_row (writer, g_ptr_array_index (self->rows, r), error))
          return FALSE;
    }

  return g_output_stream_flush (stream, NULL, error);
}

void
pv_cli_table_free (PvCliTable *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->columns);
  g_strfreev (self->headings);
  g_ptr_array_unref (self->rows);
  g_free (self);
}
