void CTemporalProto_placeholder(void);
