/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pv-csv.h"

/* RFC 4180, read strictly where being lenient would guess at what the
 * file means (a stray quote, an unterminated field) and leniently where
 * nothing is lost (LF or CR line ends, a UTF-8 byte order mark, blank
 * lines).  Every error names the file and the line. */

G_DEFINE_QUARK (pv-csv-error-quark, pv_csv_error)

struct _PvCsvReader
{
  GObject parent_instance;

  GBytes *data;
  char *name;
  const char *pos;
  const char *end;
  guint line;
  guint row_line;
  gboolean checked;
  GStrv header;
};

G_DEFINE_FINAL_TYPE (PvCsvReader, pv_csv_reader, G_TYPE_OBJECT)

static void
pv_csv_reader_finalize (GObject *object)
{
  PvCsvReader *self = (PvCsvReader *) object;

  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->header, g_strfreev);

  G_OBJECT_CLASS (pv_csv_reader_parent_class)->finalize (object);
}

static void
pv_csv_reader_class_init (PvCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_csv_reader_finalize;
}

static void
pv_csv_reader_init (PvCsvReader *self)
{
  self->line = 1;
}

/**
 * pv_csv_reader_new:
 * @data: the whole file
 * @name: the file name to show in error messages
 */
PvCsvReader *
pv_csv_reader_new (GBytes     *data,
                   const char *name)
{
  PvCsvReader *self;
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (PV_TYPE_CSV_READER, NULL);
  self->data = g_bytes_ref (data);
  self->name = g_strdup (name);
  self->pos = g_bytes_get_data (data, &size);
  if (self->pos == NULL)
    self->pos = "";
  self->end = self->pos + size;

  if (size >= 3 && memcmp (self->pos, "\xef\xbb\xbf", 3) == 0)
    self->pos += 3;

  return self;
}

const char *
pv_csv_reader_get_name (PvCsvReader *self)
{
  g_return_val_if_fail (PV_IS_CSV_READER (self), NULL);

  return self->name;
}

/**
 * pv_csv_reader_get_line:
 *
 * Returns: the line on which the last row read starts, from 1
 */
guint
pv_csv_reader_get_line (PvCsvReader *self)
{
  g_return_val_if_fail (PV_IS_CSV_READER (self), 0);

  return self->row_line;
}

/* Validated once, up front, so that the line of the first bad byte can
 * be reported before any row is handed out. */
static gboolean
check_encoding (PvCsvReader  *self,
                GError      **error)
{
  const char *bad = NULL;
  guint line = 1;

  if (self->checked)
    return TRUE;

  if (g_utf8_validate_len (self->pos, self->end - self->pos, &bad))
    {
      self->checked = TRUE;
      return TRUE;
    }

  for (const char *p = self->pos; p < bad; p++)
    if (*p == '\n')
      line++;

  {
    gsize size;
    const guchar *raw = g_bytes_get_data (self->data, &size);

    if (size >= 2 && ((raw[0] == 0xff && raw[1] == 0xfe) || (raw[0] == 0xfe && raw[1] == 0xff)))
      {
        /* Translators: %s is a file name, %u a line number. */
        g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_ENCODING,
                     _("%s, line %u: the file looks like UTF-16; save it as UTF-8 and try "
                       "again."), self->name, line);
        return FALSE;
      }
  }

  /* Translators: %s is a file name, %u a line number. */
  g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_ENCODING,
               _("%s, line %u: the text is not valid UTF-8; save the file as UTF-8 and try "
                 "again."), self->name, line);
  return FALSE;
}

static gboolean
at_line_end (const char *p,
             const char *end)
{
  return p >= end || *p == '\n' || *p == '\r';
}

/* Consumes one line terminator at @p if there is one. */
static const char *
skip_line_end (PvCsvReader *self,
               const char  *p)
{
  if (p < self->end && *p == '\r')
    {
      p++;
      if (p < self->end && *p == '\n')
        p++;
      self->line++;
    }
  else if (p < self->end && *p == '\n')
    {
      p++;
      self->line++;
    }
  return p;
}

/**
 * pv_csv_reader_read_row:
 * @row: (out) (transfer full): the fields of the row
 *
 * Returns: %TRUE with a row; %FALSE at the end of the file (@error not
 *   set) or on an error
 */
gboolean
pv_csv_reader_read_row (PvCsvReader  *self,
                        GStrv        *row,
                        GError      **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GString) field = NULL;
  const char *p;

  g_return_val_if_fail (PV_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  *row = NULL;

  if (!check_encoding (self, error))
    return FALSE;

  /* Blank lines carry no row; spreadsheets leave them at the end. */
  while (self->pos < self->end && (*self->pos == '\n' || *self->pos == '\r'))
    self->pos = skip_line_end (self, self->pos);

  if (self->pos >= self->end)
    return FALSE;

  self->row_line = self->line;
  builder = g_strv_builder_new ();
  field = g_string_new (NULL);
  p = self->pos;

  for (;;)
    {
      g_string_truncate (field, 0);

      if (p < self->end && *p == '"')
        {
          guint quote_line = self->line;

          p++;
          for (;;)
            {
              if (p >= self->end)
                {
                  /* Translators: %s is a file name, %u a line number. */
                  g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_QUOTE,
                               _("%s, line %u: a quoted field is never closed; add the "
                                 "missing quote (\")."), self->name, quote_line);
                  return FALSE;
                }
              if (*p == '"')
                {
                  if (p + 1 < self->end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\r' || *p == '\n')
                {
                  const char *next = skip_line_end (self, p);
                  g_string_append_len (field, p, next - p);
                  p = next;
                  continue;
                }
              g_string_append_c (field, *p);
              p++;
            }

          if (!at_line_end (p, self->end) && *p != ',')
            {
              /* Translators: %s is a file name, %u a line number. */
              g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_QUOTE,
                           _("%s, line %u: text follows the closing quote of a field; put the "
                             "whole field in quotes and double any quote inside it (\"\")."),
                           self->name, self->line);
              return FALSE;
            }
        }
      else
        {
          while (!at_line_end (p, self->end) && *p != ',')
            {
              if (*p == '"')
                {
                  g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_QUOTE,
                               _("%s, line %u: a quote (\") appears inside a field that is not "
                                 "quoted; put the whole field in quotes and double the quote "
                                 "(\"\")."), self->name, self->line);
                  return FALSE;
                }
              g_string_append_c (field, *p);
              p++;
            }
        }

      g_strv_builder_add (builder, field->str);

      if (p < self->end && *p == ',')
        {
          p++;
          continue;
        }

      p = skip_line_end (self, p);
      break;
    }

  self->pos = p;
  *row = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * pv_csv_reader_read_header:
 * @required: (nullable): column names that must be present
 *
 * Reads the first row as column names, matched without regard to case
 * or surrounding spaces.
 */
gboolean
pv_csv_reader_read_header (PvCsvReader         *self,
                           const char * const  *required,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GStrv row = NULL;

  g_return_val_if_fail (PV_IS_CSV_READER (self), FALSE);

  if (!pv_csv_reader_read_row (self, &row, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Translators: %s is a file name. */
      g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_EMPTY,
                   _("%s is empty; it needs a header row naming its columns."), self->name);
      return FALSE;
    }

  for (guint i = 0; row[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;

      g_strstrip (row[i]);
      if (row[i][0] == '\0')
        continue;
      folded = g_ascii_strdown (row[i], -1);
      if (!g_hash_table_add (seen, g_steal_pointer (&folded)))
        {
          /* Translators: %s is a file name, %u a line number, the last %s a column name. */
          g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_DUPLICATE_COLUMN,
                       _("%s, line %u: the column “%s” appears twice in the header."),
                       self->name, self->row_line, row[i]);
          g_strfreev (row);
          return FALSE;
        }
    }

  g_strfreev (self->header);
  self->header = row;

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    if (pv_csv_reader_get_column (self, required[i]) < 0)
      g_ptr_array_add (missing, (gpointer) required[i]);

  /* Spreadsheets set to French and other languages that write decimal
   * commas export with semicolons; say so rather than list every column. */
  if (missing->len > 0 && self->header[0] != NULL && self->header[1] == NULL &&
      strchr (self->header[0], ';') != NULL)
    {
      /* Translators: %s is a file name, %u a line number. */
      g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_MISSING_COLUMN,
                   _("%s, line %u: the columns are separated by semicolons; export the file "
                     "again as CSV with commas."), self->name, self->row_line);
      return FALSE;
    }

  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      /* Translators: %s is a file name, %u a line number, the last %s a list of column names. */
      g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_MISSING_COLUMN,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s, line %u: the header lacks the required column %s.",
                                "%s, line %u: the header lacks the required columns %s.",
                                missing->len - 1),
                   self->name, self->row_line, list);
      return FALSE;
    }

  return TRUE;
}

/**
 * pv_csv_reader_get_column:
 *
 * Returns: the index of the column called @name, or -1
 */
int
pv_csv_reader_get_column (PvCsvReader *self,
                          const char  *name)
{
  g_return_val_if_fail (PV_IS_CSV_READER (self), -1);

  for (guint i = 0; self->header != NULL && self->header[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->header[i], name) == 0)
      return (int) i;
  return -1;
}

/**
 * pv_csv_row_get:
 *
 * Returns: the field, or "" when @column is -1 or beyond a short row
 */
const char *
pv_csv_row_get (const char * const *row,
                int                 column)
{
  if (row == NULL || column < 0)
    return "";
  for (int i = 0; i < column; i++)
    if (row[i] == NULL)
      return "";
  return row[column] != NULL ? row[column] : "";
}

struct _PvCsvWriter
{
  GObject parent_instance;

  GOutputStream *stream;
  gboolean guard_formulas;
};

G_DEFINE_FINAL_TYPE (PvCsvWriter, pv_csv_writer, G_TYPE_OBJECT)

static void
pv_csv_writer_finalize (GObject *object)
{
  PvCsvWriter *self = (PvCsvWriter *) object;

  g_clear_object (&self->stream);

  G_OBJECT_CLASS (pv_csv_writer_parent_class)->finalize (object);
}

static void
pv_csv_writer_class_init (PvCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_csv_writer_finalize;
}

static void
pv_csv_writer_init (PvCsvWriter *self)
{
  self->guard_formulas = TRUE;
}

PvCsvWriter *
pv_csv_writer_new (GOutputStream *stream)
{
  PvCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (PV_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

/**
 * pv_csv_writer_set_guard_formulas:
 *
 * On by default: a field that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) gets a leading apostrophe.
 */
void
pv_csv_writer_set_guard_formulas (PvCsvWriter *self,
                                  gboolean     guard)
{
  g_return_if_fail (PV_IS_CSV_WRITER (self));

  self->guard_formulas = !!guard;
}

char *
pv_csv_quote_field (const char *field,
                    gboolean    guard_formulas)
{
  GString *out = g_string_new (NULL);
  gboolean needs_quotes;

  if (field == NULL)
    field = "";

  if (guard_formulas && field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL)
    g_string_append_c (out, '\'');
  g_string_append (out, field);

  needs_quotes = strpbrk (out->str, ",\"\r\n") != NULL ||
                 (out->len > 0 && (out->str[0] == ' ' || out->str[out->len - 1] == ' '));
  if (!needs_quotes)
    return g_string_free (out, FALSE);

  {
    GString *quoted = g_string_sized_new (out->len + 2);

    g_string_append_c (quoted, '"');
    for (const char *p = out->str; *p != '\0'; p++)
      {
        if (*p == '"')
          g_string_append_c (quoted, '"');
        g_string_append_c (quoted, *p);
      }
    g_string_append_c (quoted, '"');
    g_string_free (out, TRUE);
    return g_string_free (quoted, FALSE);
  }
}

gboolean
pv_csv_writer_write_row (PvCsvWriter         *self,
                         const char * const  *fields,
                         GError             **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (PV_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *quoted = pv_csv_quote_field (fields[i], self->guard_formulas);

      if (i > 0)
        g_string_append_c (line, ',');
      g_string_append (line, quoted);
    }
  g_string_append (line, "\r\n");

  return g_output_stream_write_all (self->stream, line->str, line->len, NULL, NULL, error);
}
