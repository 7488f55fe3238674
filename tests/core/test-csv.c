/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pv-csv.h"

static PvCsvReader *
reader_for (const char *text,
            gssize      len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  return pv_csv_reader_new (bytes, "users.csv");
}

/* Rows joined with "|" and fields with "/" make a table compact. */
static char *
read_all (const char  *text,
          gssize       len,
          GError     **error)
{
  g_autoptr(PvCsvReader) reader = reader_for (text, len);
  g_autoptr(GString) out = g_string_new (NULL);
  GStrv row = NULL;

  while (pv_csv_reader_read_row (reader, &row, error))
    {
      g_autofree char *joined = g_strjoinv ("/", row);

      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append (out, joined);
      g_strfreev (row);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_read_good (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "a,b,c\r\n1,2,3\r\n", "a/b/c|1/2/3" },
    { "a,b,c\n1,2,3", "a/b/c|1/2/3" },
    { "a,b\r1,2\r", "a/b|1/2" },
    { "\xef\xbb\xbf" "id,mail\n1,x@y.z\n", "id/mail|1/x@y.z" },
    { "a,,c\n,,\n", "a//c|//" },
    { "\"a,b\",\"c\"\"d\"\n", "a,b/c\"d" },
    { "\"multi\nline\",x\n", "multi\nline/x" },
    { "\"\",x\n", "/x" },
    { "a\n\n\nb\n\n", "a|b" },
    { "Hélène,Çağrı,Иван\n", "Hélène/Çağrı/Иван" },
    { " spaced , kept \n", " spaced / kept " },
    { "", "" },
    { "\xef\xbb\xbf", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = read_all (cases[i].in, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_read_bad (void)
{
  static const struct { const char *in; gssize len; int code; const char *where; } cases[] = {
    { "a,b\n\"open,c\n1,2\n", -1, PV_CSV_ERROR_QUOTE, "users.csv, line 2:" },
    { "a,b\nx\"y,z\n", -1, PV_CSV_ERROR_QUOTE, "users.csv, line 2:" },
    { "a,b\n\"x\"y,z\n", -1, PV_CSV_ERROR_QUOTE, "users.csv, line 2:" },
    { "a,b\n\"multi\nline\"oops\n", -1, PV_CSV_ERROR_QUOTE, "users.csv, line 3:" },
    { "a,b\nok,ok\nbad\xff,x\n", -1, PV_CSV_ERROR_ENCODING, "users.csv, line 3:" },
    { "a,b\nnul\0byte\n", 13, PV_CSV_ERROR_ENCODING, "users.csv, line 2:" },
    { "\xff\xfe" "a\0,\0b\0", 8, PV_CSV_ERROR_ENCODING, "UTF-16" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = read_all (cases[i].in, cases[i].len, &error);

      g_assert_null (out);
      g_assert_error (error, PV_CSV_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].where) &&
          strstr (error->message, cases[i].where) == NULL)
        g_error ("“%s” does not say %s", error->message, cases[i].where);
    }
}

static void
test_header (void)
{
  static const char * const required[] = { "id", "givenName", "surname", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PvCsvReader) reader = reader_for (" ID ,Surname,extra,givenname\n1,Dupont,x,Jean\n2\n",
                                              -1);
  g_autoptr(PvCsvReader) missing = reader_for ("id,mail\n1,a@b.c\n", -1);
  g_autoptr(PvCsvReader) twice = reader_for ("id,ID\n", -1);
  g_autoptr(PvCsvReader) empty = reader_for ("\n\n", -1);
  g_autoptr(PvCsvReader) semicolons = reader_for ("id;givenName;surname\n1;Jean;Dupont\n", -1);
  g_auto(GStrv) row = NULL;
  g_auto(GStrv) short_row = NULL;

  g_assert_true (pv_csv_reader_read_header (reader, required, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pv_csv_reader_get_column (reader, "id"), ==, 0);
  g_assert_cmpint (pv_csv_reader_get_column (reader, "givenName"), ==, 3);
  g_assert_cmpint (pv_csv_reader_get_column (reader, "mail"), ==, -1);
  g_assert_true (pv_csv_reader_read_row (reader, &row, &error));
  g_assert_cmpuint (pv_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpstr (pv_csv_row_get ((const char * const *) row, 3), ==, "Jean");
  g_assert_cmpstr (pv_csv_row_get ((const char * const *) row, -1), ==, "");
  g_assert_true (pv_csv_reader_read_row (reader, &short_row, &error));
  g_assert_cmpstr (pv_csv_row_get ((const char * const *) short_row, 3), ==, "");

  g_assert_false (pv_csv_reader_read_header (missing, required, &error));
  g_assert_error (error, PV_CSV_ERROR, PV_CSV_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "givenName, surname"));
  g_assert_true (g_str_has_prefix (error->message, "users.csv, line 1:"));
  g_clear_error (&error);

  g_assert_false (pv_csv_reader_read_header (twice, NULL, &error));
  g_assert_error (error, PV_CSV_ERROR, PV_CSV_ERROR_DUPLICATE_COLUMN);
  g_clear_error (&error);

  g_assert_false (pv_csv_reader_read_header (empty, NULL, &error));
  g_assert_error (error, PV_CSV_ERROR, PV_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_false (pv_csv_reader_read_header (semicolons, required, &error));
  g_assert_error (error, PV_CSV_ERROR, PV_CSV_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "semicolons"));
}

static void
test_quote_field (void)
{
  static const struct { const char *in; gboolean guard; const char *out; } cases[] = {
    { "plain", TRUE, "plain" },
    { "", TRUE, "" },
    { NULL, TRUE, "" },
    { "a,b", TRUE, "\"a,b\"" },
    { "say \"hi\"", TRUE, "\"say \"\"hi\"\"\"" },
    { "two\nlines", TRUE, "\"two\nlines\"" },
    { " lead", TRUE, "\" lead\"" },
    { "=1+2", TRUE, "'=1+2" },
    { "+33142685300", TRUE, "'+33142685300" },
    { "-cmd", TRUE, "'-cmd" },
    { "@SUM(A1)", TRUE, "'@SUM(A1)" },
    { "=HYPERLINK(\"x\",\"y\")", TRUE, "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
    { "=1+2", FALSE, "=1+2" },
    { "sip:jean@contoso.com", TRUE, "sip:jean@contoso.com" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pv_csv_quote_field (cases[i].in, cases[i].guard);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_writer_round_trip (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(PvCsvWriter) writer = pv_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;
  static const char * const header[] = { "id", "message", NULL };
  static const char * const row[] = { "1", "Jean, \"JD\"\nDupont", NULL };
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;

  g_assert_true (pv_csv_writer_write_row (writer, header, &error));
  g_assert_true (pv_csv_writer_write_row (writer, row, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_cmpstr (text, ==, "id,message\r\n1,\"Jean, \"\"JD\"\"\nDupont\"\r\n");

  back = read_all (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, "id/message|1/Jean, \"JD\"\nDupont");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read-good", test_read_good);
  g_test_add_func ("/csv/read-bad", test_read_bad);
  g_test_add_func ("/csv/header", test_header);
  g_test_add_func ("/csv/quote-field", test_quote_field);
  g_test_add_func ("/csv/writer-round-trip", test_writer_round_trip);

  return g_test_run ();
}
