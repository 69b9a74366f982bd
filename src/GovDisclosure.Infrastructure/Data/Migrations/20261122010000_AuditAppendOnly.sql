CREATE FUNCTION gd_refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% 只能追加，不能修改或删除（%）', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION gd_refuse_history_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION gd_refuse_history_change();

CREATE TRIGGER publications_immutable BEFORE UPDATE OR DELETE ON publications
    FOR EACH ROW EXECUTE FUNCTION gd_refuse_history_change();
CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
    FOR EACH STATEMENT EXECUTE FUNCTION gd_refuse_history_change();

CREATE TRIGGER publication_cells_immutable BEFORE UPDATE OR DELETE ON publication_cells
    FOR EACH ROW EXECUTE FUNCTION gd_refuse_history_change();
CREATE TRIGGER publication_cells_no_truncate BEFORE TRUNCATE ON publication_cells
    FOR EACH STATEMENT EXECUTE FUNCTION gd_refuse_history_change();
